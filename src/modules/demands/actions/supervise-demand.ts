import type { ActionContext } from '../../../kernel/index.js';
import { applyTransition, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type SuperviseDemandOptions = { demandId: number; supervised: boolean; reason: string };

/** 督办: a supervisor flags a demand for close attention (or lifts the flag). */
export async function superviseDemand(a: ActionContext, opts: SuperviseDemandOptions): Promise<DemandRow> {
  const { tx } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'supervise', opts.reason);
  return applyTransition(a, {
    demand,
    action: 'supervise',
    to,
    reason: opts.reason,
    data: { supervised: opts.supervised },
    patch: { supervised: opts.supervised },
  });
}
