import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { handlesUnit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import type { AssistState } from '../policy.js';
import { applyTransition, loadForAction } from '../store.js';
import { assists, type DemandRow } from '../tables.js';

/** The assisting units of the demand that this actor answers for, at the step asked. */
function myAssists(a: ActionContext, all: readonly AssistState[] | undefined, step: (x: AssistState) => boolean): number[] {
  return (all ?? []).filter((x) => step(x) && handlesUnit(a.actor, x.unitId)).map((x) => x.unitId);
}

/** 协办签收: an assisting unit confirms it has the request for help. */
export async function acknowledgeAssist(a: ActionContext, opts: { demandId: number }): Promise<DemandRow> {
  const { demand, to, scope } = await loadForAction(a.tx, a.actor, opts.demandId, 'assist_acknowledge');
  const unitIds = myAssists(a, scope.assists, (x) => !x.acknowledged);
  if (unitIds.length === 0)
    throw new AppError('demand.invalid_transition', { zh: '没有待签收的协办。', en: 'No assist is waiting to be acknowledged.' });
  await a.tx
    .update(assists)
    .set({ acknowledgedAt: a.now })
    .where(and(eq(assists.demandId, demand.id), inArray(assists.unitId, unitIds), isNull(assists.endedAt)));
  return applyTransition(a, { demand, action: 'assist_acknowledge', to, data: { unitIds } });
}

/** 协办意见: an assisting unit sends its part to the lead unit, which writes the one reply. */
export async function contributeToDemand(a: ActionContext, opts: { demandId: number; contribution: string }): Promise<DemandRow> {
  const { demand, to, scope } = await loadForAction(a.tx, a.actor, opts.demandId, 'contribute');
  const unitIds = myAssists(a, scope.assists, (x) => x.acknowledged && !x.contributed);
  if (unitIds.length === 0) throw new AppError('demand.invalid_transition', { zh: '请先签收协办。', en: 'Acknowledge the assist first.' });
  await a.tx
    .update(assists)
    .set({ contribution: opts.contribution, contributedAt: a.now, contributedBy: a.actor.kind === 'user' ? a.actor.userId : null })
    .where(and(eq(assists.demandId, demand.id), inArray(assists.unitId, unitIds), isNull(assists.endedAt)));
  return applyTransition(a, { demand, action: 'contribute', to, data: { unitIds, contribution: opts.contribution } });
}

/** 解除协办: an assisting unit that does not answer is released, with a reason, so the lead can reply. */
export async function endAssist(a: ActionContext, opts: { demandId: number; unitId: number; reason: string }): Promise<DemandRow> {
  const { demand, to, scope } = await loadForAction(a.tx, a.actor, opts.demandId, 'end_assist', opts.reason);
  if (!(scope.assists ?? []).some((x) => x.unitId === opts.unitId && !x.contributed)) {
    throw new AppError('demand.invalid_transition', {
      zh: '该单位不是待提交意见的协办单位。',
      en: 'That unit is not an assisting unit with its part outstanding.',
      details: { unitId: opts.unitId },
    });
  }
  await a.tx
    .update(assists)
    .set({ endedAt: a.now })
    .where(and(eq(assists.demandId, demand.id), eq(assists.unitId, opts.unitId), isNull(assists.endedAt)));
  return applyTransition(a, { demand, action: 'end_assist', to, reason: opts.reason, data: { unitId: opts.unitId } });
}
