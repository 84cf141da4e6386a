import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getCategory } from '../../categories/index.js';
import { firstResponsibleUnit, getUnit } from '../../regions/index.js';
import { applyTransition, loadForAction, stageDeadline } from '../store.js';
import { assignments, type DemandRow, type Urgency } from '../tables.js';

export type DispatchDemandOptions = {
  demandId: number;
  /** Omitted: the township government of the demand's place takes it (首接负责). */
  unitId?: number | null;
  categoryId?: number | null;
  urgency?: Urgency;
  complex?: boolean;
  note?: string | null;
};

export async function dispatchDemand(a: ActionContext, opts: DispatchDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'dispatch');
  const unit = opts.unitId ? await getUnit(tx, opts.unitId) : await firstResponsibleUnit(tx, demand.regionPath);
  if (!unit?.active) {
    throw new AppError('validation.reference', {
      zh: opts.unitId ? '所选承办单位不存在或已停用。' : '该区域没有可首接负责的镇街政府，请指定承办单位。',
      en: opts.unitId ? 'The unit does not exist or is inactive.' : 'No township government is set up for this place; choose a unit.',
      details: { unitId: opts.unitId ?? null },
    });
  }
  if (opts.categoryId && !(await getCategory(tx, opts.categoryId))) {
    throw new AppError('validation.reference', {
      zh: '所选分类不存在。',
      en: 'The chosen category does not exist.',
      details: { categoryId: opts.categoryId },
    });
  }
  const terms = {
    urgency: opts.urgency ?? demand.urgency,
    complex: opts.complex ?? demand.complex,
    categoryId: opts.categoryId ?? demand.categoryId,
  };
  const acknowledgeDueAt = await stageDeadline(a.app, tx, 'acknowledge', terms, now);
  const ruleDueAt = await stageDeadline(a.app, tx, 'reply', terms, now);
  // A work order from the city comes with the city's deadline: ours may be earlier, never later.
  const replyDueAt = demand.externalDueAt && demand.externalDueAt < ruleDueAt ? demand.externalDueAt : ruleDueAt;
  const updated = await applyTransition(a, {
    demand,
    action: 'dispatch',
    to,
    reason: opts.note,
    data: { unitId: unit.id, unitName: unit.name, firstResponsible: !opts.unitId, ...terms },
    patch: { unitId: unit.id, ...terms, stageDueAt: acknowledgeDueAt, replyDueAt },
  });
  await tx.insert(assignments).values({
    demandId: demand.id,
    unitId: unit.id,
    dispatchedBy: a.actor.kind === 'user' ? a.actor.userId : null,
    dispatchedAt: now,
    acknowledgeDueAt,
  });
  return updated;
}
