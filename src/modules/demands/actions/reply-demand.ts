import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { replyBlocked } from '../allowed-actions.js';
import { applyTransition, loadForAction, stageDeadline } from '../store.js';
import { type DemandRow, transfers } from '../tables.js';

export type ReplyDemandOptions = { demandId: number; reply: string };

/** 答复: the unit's official answer to the resident; the callback clock starts. */
export async function replyDemand(a: ActionContext, opts: ReplyDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to, scope } = await loadForAction(tx, a.actor, opts.demandId, 'reply');
  if (replyBlocked(scope)) throw new AppError('demand.assists_pending', { details: { demandId: demand.id } });
  const stageDueAt = await stageDeadline(a.app, tx, 'callback', demand, now);
  // Answered: a hand-over still waiting is moot.
  await tx
    .update(transfers)
    .set({ status: 'lapsed', decidedAt: now })
    .where(and(eq(transfers.demandId, demand.id), eq(transfers.status, 'pending')));
  return applyTransition(a, {
    demand,
    action: 'reply',
    to,
    // The text stays in the timeline: after a reopen the next reply replaces replyText, not this record.
    data: { onTime: demand.replyDueAt ? now <= demand.replyDueAt : null, reply: opts.reply },
    patch: { replyText: opts.reply, repliedAt: now, stageDueAt },
  });
}
