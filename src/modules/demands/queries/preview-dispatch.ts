import type { Actor, AppContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { soleCategory } from '../actions/dispatch-demand.js';
import { mayAct, mayView } from '../policy.js';
import type { DispatchPreviewTerms, DispatchPreviewView } from '../schema.js';
import { cappedByCity, loadDemand, stageDeadline, unitsEverAssigned } from '../store.js';

/** The deadlines a dispatch on these terms would set now, from the same rules and category choice the dispatch uses. */
export async function previewDispatch(
  ctx: AppContext,
  actor: Actor,
  id: number,
  terms: DispatchPreviewTerms,
): Promise<DispatchPreviewView> {
  const demand = await loadDemand(ctx.db, id);
  const scope = demand && { regionPath: demand.regionPath, unitId: demand.unitId };
  if (!demand || !scope || (actor.kind === 'user' && !mayView(actor, scope, await unitsEverAssigned(ctx.db, id)))) {
    throw new AppError('not_found', { details: { demandId: id } });
  }
  if (!mayAct(actor, 'dispatch', scope)) throw new AppError('auth.forbidden', { details: { action: 'dispatch' } });
  const now = ctx.now();
  const effective = {
    urgency: terms.urgency ?? demand.urgency,
    complex: terms.complex ?? demand.complex,
    categoryId: terms.categoryId ?? demand.categoryId ?? (terms.unitId ? await soleCategory(ctx.db, terms.unitId) : null),
  };
  const [acknowledgeDueAt, replyDueAt] = await Promise.all([
    stageDeadline(ctx, ctx.db, 'acknowledge', effective, now),
    stageDeadline(ctx, ctx.db, 'reply', effective, now),
  ]);
  return { ...effective, acknowledgeDueAt: acknowledgeDueAt.toISOString(), replyDueAt: cappedByCity(demand, replyDueAt).toISOString() };
}
