import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type DeclineDemandOptions = { actor: Actor; demandId: number; reason: string };

/** 不予受理: outside what the hotline handles (e.g. a matter before the courts); the reason is told to the resident. */
export async function declineDemand(ctx: AppContext, opts: DeclineDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'decline', opts.reason);
    return applyTransition(tx, { demand, actor: opts.actor, action: 'decline', to, at: now, reason: opts.reason, patch: { stageDueAt: null, closedAt: now } });
  });
}
