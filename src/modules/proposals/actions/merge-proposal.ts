import { eq, sql } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadProposalForChange } from '../store.js';
import { proposalSeconds, proposals } from '../tables.js';

/** Duplicates merge: the supporters of both count once each on the surviving proposal. */
export async function mergeProposal(a: ActionContext, opts: { proposalId: number; intoId: number }) {
  if (opts.proposalId === opts.intoId)
    throw new AppError('request.invalid', { zh: '不能合并到自身。', en: 'A proposal cannot merge into itself.' });
  const from = await loadProposalForChange(a.tx, a.actor, opts.proposalId);
  const into = await loadProposalForChange(a.tx, a.actor, opts.intoId);
  if (from.status === 'merged' || into.status === 'merged') throw new AppError('demand.merge_target');
  await a.tx.execute(
    sql`insert into proposal_seconds (proposal_id, phone_hash, created_at)
        select ${into.id}, phone_hash, created_at from proposal_seconds where proposal_id = ${from.id} on conflict do nothing`,
  );
  const [{ n }] = await a.tx.select({ n: sql<number>`count(*)::int` }).from(proposalSeconds).where(eq(proposalSeconds.proposalId, into.id));
  await a.tx.update(proposals).set({ status: 'merged', mergedIntoId: into.id }).where(eq(proposals.id, from.id));
  const [updated] = await a.tx.update(proposals).set({ seconds: n }).where(eq(proposals.id, into.id)).returning();
  await audit(a, {
    resource: 'proposal',
    resourceId: from.id,
    action: 'merge',
    regionPath: from.regionPath,
    data: { intoId: into.id, seconds: n },
  });
  return updated;
}
