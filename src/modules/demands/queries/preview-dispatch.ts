import type { Actor, AppContext } from '../../../kernel/index.js';
import { dispatchDeadlines, dispatchTerms } from '../actions/dispatch-demand.js';
import type { DispatchPreviewTerms, DispatchPreviewView } from '../schema.js';
import { loadForAction } from '../store.js';

/**
 * The deadlines a dispatch on these terms would set now: the same guards (404, 403, state), the same
 * category choice and the same deadline rules as the dispatch itself, without writing anything.
 */
export async function previewDispatch(
  ctx: AppContext,
  actor: Actor,
  id: number,
  terms: DispatchPreviewTerms,
): Promise<DispatchPreviewView> {
  const { demand } = await loadForAction(ctx.db, actor, id, 'dispatch');
  const effective = await dispatchTerms(ctx.db, demand, terms, terms.unitId ?? null);
  const { acknowledgeDueAt, replyDueAt } = await dispatchDeadlines(ctx, ctx.db, demand, effective, ctx.now());
  return { ...effective, acknowledgeDueAt: acknowledgeDueAt.toISOString(), replyDueAt: replyDueAt.toISOString() };
}
