import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, loadForAction, stageDeadline } from '../store.js';
import type { DemandRow } from '../tables.js';

export type ReplyDemandOptions = { actor: Actor; demandId: number; reply: string };

/** 答复: the unit's official answer to the resident; the callback clock starts. */
export async function replyDemand(ctx: AppContext, opts: ReplyDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'reply');
    const stageDueAt = await stageDeadline(ctx, tx, 'callback', demand, now);
    return applyTransition(tx, {
      demand,
      actor: opts.actor,
      action: 'reply',
      to,
      at: now,
      data: { onTime: demand.replyDueAt ? now <= demand.replyDueAt : null },
      patch: { replyText: opts.reply, repliedAt: now, stageDueAt },
    });
  });
}
