import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { applyTransition, loadForAction } from '../store.js';
import { type DemandRow, extensionRequests } from '../tables.js';

export type RequestExtensionOptions = { demandId: number; extraWorkdays: number; reason: string };

/** 延期申请: the unit asks for more working days to reply; a supervisor decides. */
export async function requestExtension(a: ActionContext, opts: RequestExtensionOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'request_extension', opts.reason);
  const [pending] = await tx
    .select({ id: extensionRequests.id })
    .from(extensionRequests)
    .where(and(eq(extensionRequests.demandId, demand.id), eq(extensionRequests.status, 'pending')));
  if (pending) throw new AppError('demand.extension_pending', { details: { extensionRequestId: pending.id } });
  // The version bump also serialises two requests made at once.
  const updated = await applyTransition(a, {
    demand,
    action: 'request_extension',
    to,
    reason: opts.reason,
    data: { extraWorkdays: opts.extraWorkdays },
  });
  await tx.insert(extensionRequests).values({
    demandId: demand.id,
    unitId: demand.unitId!,
    requestedBy: a.actor.kind === 'user' ? a.actor.userId : 0,
    requestedAt: now,
    extraWorkdays: opts.extraWorkdays,
    reason: opts.reason,
  });
  return updated;
}
