import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { deadlineInputs, dueAt } from '../../calendar/index.js';
import { applyTransition, loadForAction } from '../store.js';
import { type DemandRow, extensionRequests } from '../tables.js';

export type DecideExtensionOptions = { demandId: number; approve: boolean; reason?: string | null };

/** A supervisor approves (the reply deadline moves by the working days asked) or denies an extension. */
export async function decideExtension(a: ActionContext, opts: DecideExtensionOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'decide_extension', opts.reason);
  const [request] = await tx
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.demandId, demand.id), eq(extensionRequests.status, 'pending')));
  if (!request) {
    throw new AppError('demand.invalid_transition', {
      zh: '该诉求没有待审批的延期申请。',
      en: 'This demand has no pending extension request.',
    });
  }
  if (!opts.approve && !opts.reason?.trim()) throw new AppError('demand.reason_required', { details: { action: 'decide_extension' } });
  let patch = {};
  if (opts.approve && demand.replyDueAt) {
    const { calendar } = await deadlineInputs(tx, a.app.db);
    const replyDueAt = dueAt(demand.replyDueAt, { amount: request.extraWorkdays, unit: 'workdays' }, calendar);
    patch = demand.state === 'acknowledged' ? { replyDueAt, stageDueAt: replyDueAt } : { replyDueAt };
  }
  const updated = await applyTransition(a, {
    demand,
    action: 'decide_extension',
    to,
    reason: opts.reason,
    data: { extensionRequestId: request.id, approved: opts.approve, extraWorkdays: request.extraWorkdays },
    patch,
  });
  await tx
    .update(extensionRequests)
    .set({
      status: opts.approve ? 'approved' : 'denied',
      decidedBy: a.actor.kind === 'user' ? a.actor.userId : null,
      decidedAt: now,
      decisionReason: opts.reason ?? null,
    })
    .where(eq(extensionRequests.id, request.id));
  return updated;
}
