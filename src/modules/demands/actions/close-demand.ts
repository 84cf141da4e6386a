import type { ActionContext } from '../../../kernel/index.js';
import { applyTransition, endAssignment, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type CloseDemandOptions = { demandId: number; note?: string | null };

/** 办结: the demand is finished after its callback. */
export async function closeDemand(a: ActionContext, opts: CloseDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'close');
  await endAssignment(tx, demand.id, now, 'closed');
  return applyTransition(a, {
    demand,
    action: 'close',
    to,
    reason: opts.note,
    data: { onTime: demand.replyDueAt && demand.repliedAt ? demand.repliedAt <= demand.replyDueAt : null },
    patch: { closedAt: now, stageDueAt: null },
  });
}
