import type { ActionContext } from '../../../kernel/index.js';
import { systemActor } from '../../../kernel/index.js';
import { getSetting } from '../../settings/index.js';
import { applyTransition, loadDemand, loadForAction } from '../store.js';
import { callbacks, type DemandRow, type Satisfaction } from '../tables.js';
import { reopenWithin } from './reopen-demand.js';

export type RecordCallbackOptions = {
  demandId: number;
  satisfaction: Satisfaction;
  solved: boolean;
  comment?: string | null;
};

/** The callback's record, counted in the unit's satisfaction (三率). */
export async function writeCallback(a: ActionContext, demandId: number, unitId: number | null, opts: RecordCallbackOptions) {
  await a.tx.insert(callbacks).values({
    demandId,
    unitId,
    satisfaction: opts.satisfaction,
    solved: opts.solved,
    comment: opts.comment ?? '',
    recordedBy: a.actor.kind === 'user' ? a.actor.userId : null,
    at: a.now,
  });
}

/** 回访: the resident is asked whether they are satisfied and whether the problem was solved. */
export async function recordCallback(a: ActionContext, opts: RecordCallbackOptions): Promise<DemandRow> {
  const { tx } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'record_callback');
  await writeCallback(a, demand.id, demand.unitId, opts);
  const updated = await applyTransition(a, {
    demand,
    action: 'record_callback',
    to,
    reason: opts.comment,
    data: { satisfaction: opts.satisfaction, solved: opts.solved },
    patch: { satisfaction: opts.satisfaction, solved: opts.solved, stageDueAt: null },
  });
  const unhappy = opts.satisfaction === 'unsatisfied' || !opts.solved;
  if (unhappy && demand.unitId && (await getSetting(tx, 'reopen.auto'))) {
    const max = await getSetting(tx, 'reopen.max');
    if (updated.reopenCount < max) {
      const reloaded = (await loadDemand(tx, demand.id))!;
      return reopenWithin(a, reloaded, systemActor, '回访不满意或未解决，自动重办');
    }
  }
  return updated;
}
