import { eq } from 'drizzle-orm';
import { type ActionContext, audit, organisesIn, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getRegion } from '../../regions/index.js';
import { planAllows } from '../rules/lifecycle.js';
import { loadPlan } from '../store.js';
import { trainingPlans } from '../tables.js';

/** 年度培训计划 in a region the caller organises. */
export async function createPlan(a: ActionContext, input: { title: string; year: number; organiser: string; regionId: number }) {
  const actor = staffActor(a.actor);
  const region = await getRegion(a.tx, input.regionId);
  if (!region) throw new AppError('validation.reference', { details: { regionId: input.regionId } });
  if (!organisesIn(actor, region.path)) throw new AppError('auth.forbidden');
  const [row] = await a.tx
    .insert(trainingPlans)
    .values({ ...input, createdBy: actor.userId, createdAt: a.now })
    .returning();
  await audit(a, {
    resource: 'training_plan',
    resourceId: row.id,
    action: 'create',
    regionPath: region.path,
    data: { title: row.title, year: row.year },
  });
  return row;
}

/** 审议: the advisory committee approves the plan (its courses are then fixed) or returns it with its reasons. */
export async function reviewPlan(a: ActionContext, input: { planId: number; approved: boolean; note?: string }) {
  const plan = await loadPlan(a.tx, a.actor, input.planId);
  if (!planAllows(plan.state, 'review'))
    throw new AppError('training.invalid_state', { zh: '培训计划已审议通过。', en: 'The plan is already approved.' });
  if (!input.approved && !input.note?.trim())
    throw new AppError('demand.reason_required', { zh: '退回计划必须写明意见。', en: 'Say why the plan is returned.' });
  const state = input.approved ? ('approved' as const) : ('returned' as const);
  await a.tx
    .update(trainingPlans)
    .set({ state, reviewNote: input.note?.trim() || null, reviewedAt: a.now })
    .where(eq(trainingPlans.id, plan.id));
  await audit(a, {
    resource: 'training_plan',
    resourceId: plan.id,
    action: input.approved ? 'approve' : 'return',
    regionPath: plan.regionPath,
    reason: input.note ?? null,
  });
  return { state };
}
