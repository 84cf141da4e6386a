import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, endAssignment, loadForAction, stageDeadline } from '../store.js';
import type { DemandRow } from '../tables.js';

export type ReturnDemandOptions = { actor: Actor; demandId: number; reason: string };

/** 退单: the unit says the demand is not theirs; it goes back to the dispatchers' queue. */
export async function returnDemand(ctx: AppContext, opts: ReturnDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'return', opts.reason);
    const stageDueAt = await stageDeadline(ctx, tx, 'dispatch', demand, now);
    const updated = await applyTransition(tx, {
      demand,
      actor: opts.actor,
      action: 'return',
      to,
      at: now,
      reason: opts.reason,
      data: { unitId: demand.unitId },
      patch: { unitId: null, stageDueAt },
    });
    await endAssignment(tx, demand.id, now, 'returned');
    return updated;
  });
}
