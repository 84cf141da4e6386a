import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { type UserActor, organisesIn } from '../../../kernel/index.js';
import { regions } from '../../regions/index.js';
import { proposalSeconds, proposals } from '../tables.js';

/** Duplicates merge: the supporters of both count once each on the surviving proposal. */
export async function mergeProposal(ctx: AppContext, opts: { actor: UserActor; proposalId: number; intoId: number }) {
  if (opts.proposalId === opts.intoId) throw new AppError('request.invalid', { zh: '不能合并到自身。', en: 'A proposal cannot merge into itself.' });
  return ctx.db.transaction(async (tx) => {
    const load = async (id: number) => {
      const [row] = await tx.select({ p: proposals, path: regions.path }).from(proposals).innerJoin(regions, eq(regions.id, proposals.regionId)).where(eq(proposals.id, id));
      if (!row || !organisesIn(opts.actor, row.path)) throw new AppError('not_found', { details: { proposalId: id } });
      return row.p;
    };
    const from = await load(opts.proposalId);
    const into = await load(opts.intoId);
    if (from.status === 'merged' || into.status === 'merged') throw new AppError('demand.merge_target');
    await tx.execute(sql`insert into proposal_seconds (proposal_id, phone_hash, created_at) select ${into.id}, phone_hash, created_at from proposal_seconds where proposal_id = ${from.id} on conflict do nothing`);
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(proposalSeconds).where(eq(proposalSeconds.proposalId, into.id))) as { n: number }[];
    await tx.update(proposals).set({ status: 'merged', mergedIntoId: into.id }).where(eq(proposals.id, from.id));
    const [updated] = await tx.update(proposals).set({ seconds: n }).where(eq(proposals.id, into.id)).returning();
    return updated;
  });
}
