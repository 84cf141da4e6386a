import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, endAssignment, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type CloseDemandOptions = { actor: Actor; demandId: number; note?: string | null };

/** 办结: the demand is finished after its callback. */
export async function closeDemand(ctx: AppContext, opts: CloseDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'close');
    await endAssignment(tx, demand.id, now, 'closed');
    return applyTransition(tx, {
      demand,
      actor: opts.actor,
      action: 'close',
      to,
      at: now,
      reason: opts.note,
      data: { onTime: demand.replyDueAt && demand.repliedAt ? demand.repliedAt <= demand.replyDueAt : null },
      patch: { closedAt: now, stageDueAt: null },
    });
  });
}
