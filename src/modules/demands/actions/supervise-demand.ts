import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type SuperviseDemandOptions = { actor: Actor; demandId: number; supervised: boolean; reason: string };

/** 督办: a supervisor flags a demand for close attention (or lifts the flag). */
export async function superviseDemand(ctx: AppContext, opts: SuperviseDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'supervise', opts.reason);
    return applyTransition(tx, {
      demand,
      actor: opts.actor,
      action: 'supervise',
      to,
      at: now,
      reason: opts.reason,
      data: { supervised: opts.supervised },
      patch: { supervised: opts.supervised },
    });
  });
}
