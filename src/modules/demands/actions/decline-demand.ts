import type { ActionContext } from '../../../kernel/index.js';
import { applyTransition, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type DeclineDemandOptions = { demandId: number; reason: string };

/** 不予受理: outside what the hotline handles (e.g. a matter before the courts); the reason is told to the resident. */
export async function declineDemand(a: ActionContext, opts: DeclineDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'decline', opts.reason);
  return applyTransition(a, { demand, action: 'decline', to, reason: opts.reason, patch: { stageDueAt: null, closedAt: now } });
}
