import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import type { Actor } from '../../accounts/actor.js';
import { applyTransition, loadForAction } from '../store.js';
import { assignments, type DemandRow } from '../tables.js';

export type AcknowledgeDemandOptions = { actor: Actor; demandId: number };

export async function acknowledgeDemand(ctx: AppContext, opts: AcknowledgeDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand, to } = await loadForAction(tx, opts.actor, opts.demandId, 'acknowledge');
    const updated = await applyTransition(tx, {
      demand,
      actor: opts.actor,
      action: 'acknowledge',
      to,
      at: now,
      patch: { stageDueAt: demand.replyDueAt },
    });
    await tx
      .update(assignments)
      .set({ acknowledgedAt: now })
      .where(and(eq(assignments.demandId, demand.id), isNull(assignments.endedAt), isNull(assignments.acknowledgedAt)));
    return updated;
  });
}
