import type { ActionContext } from '../../../kernel/index.js';
import { applyTransition, endAssignment, loadForAction, stageDeadline } from '../store.js';
import type { DemandRow } from '../tables.js';

export type ReturnDemandOptions = { demandId: number; reason: string };

/** 退单: the unit says the demand is not theirs; it goes back to the dispatchers' queue. */
export async function returnDemand(a: ActionContext, opts: ReturnDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'return', opts.reason);
  const stageDueAt = await stageDeadline(a.app, tx, 'dispatch', demand, now);
  const updated = await applyTransition(a, {
    demand,
    action: 'return',
    to,
    reason: opts.reason,
    data: { unitId: demand.unitId },
    patch: { unitId: null, stageDueAt },
  });
  await endAssignment(tx, demand.id, now, 'returned');
  return updated;
}
