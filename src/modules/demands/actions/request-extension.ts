import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, loadForAction } from '../store.js';
import { type DemandRow, extensionRequests } from '../tables.js';

export type RequestExtensionOptions = { actor: Actor; demandId: number; extraWorkdays: number; reason: string };

/** 延期申请: the unit asks for more working days to reply; a supervisor decides. */
export async function requestExtension(ctx: AppContext, opts: RequestExtensionOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'request_extension', opts.reason);
    const [pending] = await tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.demandId, demand.id), eq(extensionRequests.status, 'pending')));
    if (pending) throw new AppError('demand.extension_pending', { details: { extensionRequestId: pending.id } });
    // The version bump also serialises two requests made at once.
    const updated = await applyTransition(tx, {
      demand,
      actor: opts.actor,
      action: 'request_extension',
      to,
      at: now,
      reason: opts.reason,
      data: { extraWorkdays: opts.extraWorkdays },
    });
    await tx.insert(extensionRequests).values({
      demandId: demand.id,
      unitId: demand.unitId!,
      requestedBy: opts.actor.kind === 'user' ? opts.actor.userId : 0,
      requestedAt: now,
      extraWorkdays: opts.extraWorkdays,
      reason: opts.reason,
    });
    return updated;
  });
}
