import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, endAssignment, loadForAction } from '../store.js';
import type { DemandRow } from '../tables.js';

export type WithdrawDemandOptions = { actor: Actor; demandId: number; reason?: string | null };

/** 撤回: the resident no longer needs the demand handled (the public route checks number + phone first). */
export async function withdrawDemand(ctx: AppContext, opts: WithdrawDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'withdraw', opts.reason);
    await endAssignment(tx, demand.id, now, 'withdrawn');
    return applyTransition(tx, { demand, actor: opts.actor, action: 'withdraw', to, at: now, reason: opts.reason, patch: { stageDueAt: null, closedAt: now } });
  });
}
