import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { isTerminal } from '../lifecycle.js';
import { mayView } from '../policy.js';
import { applyTransition, endAssignment, loadDemand, loadForAction, recordEvent } from '../store.js';
import type { DemandRow } from '../tables.js';

export type MergeDemandOptions = { demandId: number; intoDemandId: number; note?: string | null };

/** 合并: a duplicate joins the demand that will carry the work; both keep their records. */
export async function mergeDemand(a: ActionContext, opts: MergeDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'merge');
  const target = await loadDemand(tx, opts.intoDemandId);
  if (!target || !mayView(a.actor, { regionPath: target.regionPath, unitId: target.unitId })) {
    throw new AppError('validation.reference', { zh: '要合并到的诉求不存在。', en: 'The demand to merge into does not exist.' });
  }
  if (target.id === demand.id || isTerminal(target.state)) {
    throw new AppError('demand.merge_target', { details: { intoDemandId: target.id, state: target.state } });
  }
  await endAssignment(tx, demand.id, now, 'merged');
  const updated = await applyTransition(a, {
    demand,
    action: 'merge',
    to,
    reason: opts.note,
    data: { intoDemandId: target.id, intoNumber: target.number },
    patch: { mergedIntoId: target.id, stageDueAt: null },
  });
  // The surviving demand's history says what joined it, without changing its state.
  await recordEvent(a, {
    demand: target,
    action: 'merge',
    fromState: target.state,
    to: target.state,
    reason: opts.note,
    data: { mergedDemandId: demand.id, mergedNumber: demand.number },
  });
  return updated;
}
