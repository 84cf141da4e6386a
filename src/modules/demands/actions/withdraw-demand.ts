import type { ActionContext } from '../../../kernel/index.js';
import { applyTransition, endAssignment, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type WithdrawDemandOptions = { demandId: number; reason?: string | null };

/** 撤回: the resident no longer needs the demand handled (the public route checks number + phone first). */
export async function withdrawDemand(a: ActionContext, opts: WithdrawDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'withdraw', opts.reason);
  await endAssignment(tx, demand.id, now, 'withdrawn');
  return applyTransition(a, { demand, action: 'withdraw', to, reason: opts.reason, patch: { stageDueAt: null, closedAt: now } });
}
