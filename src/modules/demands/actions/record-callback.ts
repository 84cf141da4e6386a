import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { systemActor } from '../../accounts/actor.js';
import { getSetting } from '../../settings/store.js';
import { applyTransition, loadDemand, loadForAction } from '../store.js';
import { callbacks, type DemandRow, type Satisfaction } from '../tables.js';
import { reopenWithin } from './reopen-demand.js';

export type RecordCallbackOptions = {
  actor: Actor;
  demandId: number;
  satisfaction: Satisfaction;
  solved: boolean;
  comment?: string | null;
};

/** 回访: the resident is asked whether they are satisfied and whether the problem was solved. */
export async function recordCallback(ctx: AppContext, opts: RecordCallbackOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'record_callback');
    await tx.insert(callbacks).values({
      demandId: demand.id,
      unitId: demand.unitId,
      satisfaction: opts.satisfaction,
      solved: opts.solved,
      comment: opts.comment ?? '',
      recordedBy: opts.actor.kind === 'user' ? opts.actor.userId : null,
      at: now,
    });
    const updated = await applyTransition(tx, {
      demand,
      actor: opts.actor,
      action: 'record_callback',
      to,
      at: now,
      reason: opts.comment,
      data: { satisfaction: opts.satisfaction, solved: opts.solved },
      patch: { satisfaction: opts.satisfaction, solved: opts.solved, stageDueAt: null },
    });
    const unhappy = opts.satisfaction === 'unsatisfied' || !opts.solved;
    if (unhappy && demand.unitId && (await getSetting(tx, 'reopen.auto'))) {
      const max = await getSetting(tx, 'reopen.max');
      if (updated.reopenCount < max) {
        const reloaded = (await loadDemand(tx, demand.id))!;
        return reopenWithin(ctx, tx, reloaded, systemActor, '回访不满意或未解决，自动重办', now);
      }
    }
    return updated;
  });
}
