import { and, eq, isNull } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { applyTransition, loadForAction } from '../store.js';
import { assignments, type DemandRow } from '../tables.js';

export type AcknowledgeDemandOptions = { demandId: number };

export async function acknowledgeDemand(a: ActionContext, opts: AcknowledgeDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'acknowledge');
  const updated = await applyTransition(a, {
    demand,
    action: 'acknowledge',
    to,
    patch: { stageDueAt: demand.replyDueAt },
  });
  await tx
    .update(assignments)
    .set({ acknowledgedAt: now })
    .where(and(eq(assignments.demandId, demand.id), isNull(assignments.endedAt), isNull(assignments.acknowledgedAt)));
  return updated;
}
