import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import type { AppContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import type { Actor } from '../../../kernel/index.js';
import { councils, councilSeats } from '../../councils/index.js';
import { outboxMessages } from '../../notifications/index.js';
import { consumeVerificationCode, phoneKey } from '../../notifications/index.js';
import { getSetting } from '../../settings/index.js';
import { regions } from '../../regions/index.js';
import { proposalSeconds, proposals } from '../tables.js';

export type SecondProposalOptions = { actor: Actor; proposalId: number; phone: string; code?: string | null };

/**
 * 附议: one person, one second (a second on a merged proposal goes to the one it joined). At the
 * threshold, the council chair of the community is prompted to put it on an agenda.
 */
export async function secondProposal(ctx: AppContext, opts: SecondProposalOptions) {
  const now = ctx.now();
  const threshold = await getSetting(ctx.db, 'proposals.secondsThreshold');
  return ctx.db.transaction(async (tx) => {
    let [p] = await tx.select().from(proposals).where(eq(proposals.id, opts.proposalId)).for('update');
    if (p?.status === 'merged' && p.mergedIntoId) [p] = await tx.select().from(proposals).where(eq(proposals.id, p.mergedIntoId)).for('update');
    if (!p) throw new AppError('not_found');
    if (p.status === 'closed') throw new AppError('demand.invalid_transition', { zh: '该提议已结束。', en: 'This proposal is closed.' });
    if (opts.actor.kind !== 'user') await consumeVerificationCode(tx, opts.phone, opts.code ?? '', now);
    const inserted = await tx.insert(proposalSeconds).values({ proposalId: p.id, phoneHash: phoneKey(opts.phone), createdAt: now }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new AppError('conflict.duplicate', { zh: '您已经附议过这条提议。', en: 'You have already seconded this proposal.' });
    const reached = p.status === 'open' && p.seconds + 1 >= threshold;
    const [updated] = await tx
      .update(proposals)
      .set({ seconds: sql`${proposals.seconds} + 1`, ...(reached ? { status: 'threshold_reached' as const, thresholdReachedAt: now } : {}) })
      .where(eq(proposals.id, p.id))
      .returning();
    if (reached) await promptChairs(tx, updated, now);
    return updated;
  });
}

async function promptChairs(tx: Tx, p: typeof proposals.$inferSelect, now: Date) {
  // The chairs of councils of this community (or above it) hear of it; without a council, the console does.
  const chairs = await tx
    .select({ councilId: councils.id, userId: councilSeats.userId, holder: councilSeats.holderName })
    .from(councilSeats)
    .innerJoin(councils, eq(councils.id, councilSeats.councilId))
    .innerJoin(regions, eq(regions.id, councils.regionId))
    .where(and(eq(councilSeats.position, 'chair'), sql`(select path from regions where id = ${p.regionId}) like ${regions.path} || '%'`));
  const body = `提议「${p.title}」已获 ${p.seconds} 人附议，请安排上会议题。`;
  const recipients = chairs.length ? chairs.map((c) => `council:${c.councilId}:chair:${c.userId ?? c.holder}`) : [`region:${p.regionId}:organisers`];
  await tx.insert(outboxMessages).values(recipients.map((recipient) => ({ channel: 'console' as const, recipient, body, createdAt: now })));
}
