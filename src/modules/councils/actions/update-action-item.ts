import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadMeeting } from '../store.js';
import { actionItems, resolutions } from '../tables.js';

/** Progress on an action item is tracked after the meeting too: it is the work, not the record. */
export async function updateActionItem(a: ActionContext, opts: { actionItemId: number; status: 'open' | 'in_progress' | 'done' }) {
  const [row] = await a.tx
    .select({ item: actionItems, meetingId: resolutions.meetingId })
    .from(actionItems)
    .innerJoin(resolutions, eq(resolutions.id, actionItems.resolutionId))
    .where(eq(actionItems.id, opts.actionItemId));
  if (!row) throw new AppError('not_found');
  const { council } = await loadMeeting(a.tx, a.actor, row.meetingId);
  const [updated] = await a.tx
    .update(actionItems)
    .set({ status: opts.status, updatedAt: a.now })
    .where(eq(actionItems.id, row.item.id))
    .returning();
  await audit(a, {
    resource: 'action_item',
    resourceId: updated.id,
    action: 'update_status',
    regionPath: council.regionPath,
    data: { from: row.item.status, to: updated.status },
  });
  return updated;
}
