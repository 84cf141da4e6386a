import type { Db, Tx } from '../../../db/client.js';
import type { ActionContext, AppContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getCategory } from '../../categories/index.js';
import { firstResponsibleUnit, getUnit, unitCategoryIds } from '../../regions/index.js';
import { applyTransition, cappedByCity, loadForAction, stageDeadline } from '../store.js';
import { assignments, assists, type DemandRow, type Urgency } from '../tables.js';

/** The terms a dispatch sets: what the dispatcher chose, else what the demand has, else the unit's one category. */
export async function dispatchTerms(
  tx: Db | Tx,
  demand: DemandRow,
  opts: Pick<DispatchDemandOptions, 'categoryId' | 'urgency' | 'complex'>,
  unitId: number | null,
): Promise<{ urgency: Urgency; complex: boolean; categoryId: number | null }> {
  return {
    urgency: opts.urgency ?? demand.urgency,
    complex: opts.complex ?? demand.complex,
    categoryId: opts.categoryId ?? demand.categoryId ?? (unitId ? await soleCategory(tx, unitId) : null),
  };
}

/** The 签收 and 答复 deadlines of a dispatch on these terms, the reply capped by the city's own deadline. */
export async function dispatchDeadlines(
  app: AppContext,
  tx: Db | Tx,
  demand: DemandRow,
  terms: { urgency: Urgency; complex: boolean; categoryId: number | null },
  now: Date,
): Promise<{ acknowledgeDueAt: Date; replyDueAt: Date }> {
  const acknowledgeDueAt = await stageDeadline(app, tx, 'acknowledge', terms, now);
  const replyDueAt = cappedByCity(demand, await stageDeadline(app, tx, 'reply', terms, now));
  return { acknowledgeDueAt, replyDueAt };
}

/** Taking the suggested unit files the demand under its category when the unit owns exactly one. */
export async function soleCategory(tx: Db | Tx, unitId: number): Promise<number | null> {
  const owned = await unitCategoryIds(tx, unitId);
  return owned.length === 1 ? owned[0] : null;
}

export type DispatchDemandOptions = {
  demandId: number;
  /** Omitted: the township government of the demand's place takes it (首接负责). */
  unitId?: number | null;
  categoryId?: number | null;
  urgency?: Urgency;
  complex?: boolean;
  note?: string | null;
  /** 协办: units that help the lead; each signs and sends its part before the lead replies. */
  assistingUnitIds?: number[];
  /** A collective answer (治理专项) brings its members to the unit the supervisor chose, filed or not. */
  forInitiative?: boolean;
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
  const assistingIds = [...new Set(opts.assistingUnitIds ?? [])];
  if (assistingIds.includes(unit.id)) {
    throw new AppError('validation.reference', {
      zh: '主办单位不能同时是协办单位。',
      en: 'The lead unit cannot also assist.',
      details: { assistingUnitIds: assistingIds },
    });
  }
  const helpers = [];
  for (const id of assistingIds) {
    const helper = await getUnit(tx, id);
    if (!helper?.active) {
      throw new AppError('validation.reference', {
        zh: '所选协办单位不存在或已停用。',
        en: 'An assisting unit does not exist or is inactive.',
        details: { unitId: id },
      });
    }
    helpers.push(helper);
  }
  const terms = await dispatchTerms(tx, demand, opts, unit.id);
  // 首接负责 takes a demand whose owner is unclear as it is; a chosen unit gets it filed under a category.
  if (!terms.categoryId && opts.unitId && !opts.forInitiative)
    throw new AppError('demand.category_required', { details: { demandId: demand.id } });
  const { acknowledgeDueAt, replyDueAt } = await dispatchDeadlines(a.app, tx, demand, terms, now);
  const updated = await applyTransition(a, {
    demand,
    action: 'dispatch',
    to,
    reason: opts.note,
    data: {
      unitId: unit.id,
      unitName: unit.name,
      firstResponsible: !opts.unitId,
      ...terms,
      ...(helpers.length > 0 ? { assistingUnits: helpers.map((h) => ({ id: h.id, name: h.name })) } : {}),
    },
    patch: { unitId: unit.id, ...terms, stageDueAt: acknowledgeDueAt, replyDueAt },
  });
  await tx.insert(assignments).values({
    demandId: demand.id,
    unitId: unit.id,
    dispatchedBy: a.actor.kind === 'user' ? a.actor.userId : null,
    dispatchedAt: now,
    acknowledgeDueAt,
  });
  if (helpers.length > 0) {
    await tx.insert(assists).values(helpers.map((h) => ({ demandId: demand.id, unitId: h.id, requestedAt: now })));
  }
  return updated;
}
