import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { type ActionItemMove, type ActionItemState, moveActionItem } from '../rules.js';
import { loadMeeting } from '../store.js';
import { actionItems, resolutions } from '../tables.js';

/**
 * Progress on an action item is tracked after the meeting too: it is the work, not the record. `done` completes it
 * (also when overdue: its 督办 stays on the record); `open` reopens a completed one.
 */
export async function updateActionItem(a: ActionContext, opts: { actionItemId: number; status: 'open' | 'done' }) {
  const [row] = await a.tx
    .select({ item: actionItems, meetingId: resolutions.meetingId })
    .from(actionItems)
    .innerJoin(resolutions, eq(resolutions.id, actionItems.resolutionId))
    .where(eq(actionItems.id, opts.actionItemId))
    .for('update', { of: actionItems });
  if (!row) throw new AppError('not_found');
  const { council } = await loadMeeting(a.tx, a.actor, row.meetingId);
  const move: ActionItemMove = opts.status === 'done' ? 'complete' : 'reopen';
  const to = moveActionItem(row.item.status, move);
  if (!to) throw new AppError('council.action_item_state', { details: { from: row.item.status, move } });
  const [updated] = await a.tx
    .update(actionItems)
    .set({ status: to, doneAt: to === 'done' ? a.now : null, updatedAt: a.now })
    .where(eq(actionItems.id, row.item.id))
    .returning();
  await audit(a, {
    resource: 'action_item',
    resourceId: updated.id,
    action: 'update_status',
    regionPath: council.regionPath,
    data: { from: row.item.status satisfies ActionItemState, to: updated.status, move },
  });
  return updated;
}
