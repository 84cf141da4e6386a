import { and, eq, isNull } from 'drizzle-orm';
import { type ActionContext, actorUserId, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadInitiative } from '../store.js';
import { initiativeDemands } from '../tables.js';

/** A supervisor takes a demand out of an initiative (another problem, another place): it gets no collective answer. */
export async function removeInitiativeMember(a: ActionContext, opts: { initiativeId: number; demandId: number; reason: string }) {
  const initiative = await loadInitiative(a.tx, a.actor, opts.initiativeId, { unitMayAct: false });
  const removed = await a.tx
    .update(initiativeDemands)
    .set({ removedAt: a.now, removedBy: actorUserId(a.actor), removeReason: opts.reason })
    .where(
      and(
        eq(initiativeDemands.initiativeId, initiative.id),
        eq(initiativeDemands.demandId, opts.demandId),
        isNull(initiativeDemands.removedAt),
      ),
    )
    .returning();
  if (!removed.length) throw new AppError('not_found', { details: { demandId: opts.demandId } });
  await audit(a, {
    resource: 'initiative',
    resourceId: initiative.id,
    action: 'remove_member',
    reason: opts.reason,
    data: { demandId: opts.demandId },
  });
}
