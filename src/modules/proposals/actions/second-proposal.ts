import { eq, sql } from 'drizzle-orm';
import { type ActionContext, audit, enqueueConsoleMessages } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { councilChairsOver } from '../../councils/index.js';
import { consumeVerificationCode, phoneKey } from '../../notifications/index.js';
import { getSetting } from '../../settings/index.js';
import { proposalSeconds, proposals } from '../tables.js';

export type SecondProposalOptions = { proposalId: number; phone: string; code?: string | null };

/**
 * 附议: one person, one second (a second on a merged proposal goes to the one it joined). At the
 * threshold, the council chair of the community is prompted to put it on an agenda.
 */
export async function secondProposal(a: ActionContext, opts: SecondProposalOptions) {
  const { tx, now } = a;
  const threshold = await getSetting(tx, 'proposals.secondsThreshold');
  let [p] = await tx.select().from(proposals).where(eq(proposals.id, opts.proposalId)).for('update');
  if (p?.status === 'merged' && p.mergedIntoId)
    [p] = await tx.select().from(proposals).where(eq(proposals.id, p.mergedIntoId)).for('update');
  if (!p) throw new AppError('not_found');
  if (p.status === 'closed') throw new AppError('demand.invalid_transition', { zh: '该提议已结束。', en: 'This proposal is closed.' });
  if (a.actor.kind !== 'user') await consumeVerificationCode(a, opts.phone, opts.code ?? '');
  const inserted = await tx
    .insert(proposalSeconds)
    .values({ proposalId: p.id, phoneHash: phoneKey(opts.phone), createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0)
    throw new AppError('conflict.duplicate', { zh: '您已经附议过这条提议。', en: 'You have already seconded this proposal.' });
  const reached = p.status === 'open' && p.seconds + 1 >= threshold;
  const [updated] = await tx
    .update(proposals)
    .set({ seconds: sql`${proposals.seconds} + 1`, ...(reached ? { status: 'threshold_reached' as const, thresholdReachedAt: now } : {}) })
    .where(eq(proposals.id, p.id))
    .returning();
  await audit(a, {
    resource: 'proposal',
    resourceId: p.id,
    action: 'second',
    data: { seconds: updated.seconds, thresholdReached: reached },
  });
  if (reached) await promptChairs(a, updated);
  return updated;
}

async function promptChairs(a: ActionContext, p: typeof proposals.$inferSelect) {
  // The chairs of councils of this community (or above it) hear of it; without a council, the console does.
  const chairs = await councilChairsOver(a.tx, p.regionId);
  const body = `提议「${p.title}」已获 ${p.seconds} 人附议，请安排上会议题。`;
  const recipients = chairs.length
    ? chairs.map((c) => `council:${c.councilId}:chair:${c.userId ?? c.holder}`)
    : [`region:${p.regionId}:organisers`];
  await enqueueConsoleMessages(a, recipients, body);
}
