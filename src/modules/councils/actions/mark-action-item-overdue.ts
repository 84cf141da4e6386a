import { and, eq } from 'drizzle-orm';
import { type ActionContext, audit, enqueueConsoleMessages } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { localDay } from '../../calendar/index.js';
import { regionOf } from '../../regions/index.js';
import { isOverdue, moveActionItem } from '../rules.js';
import { actionItemSupervisions, actionItems, councilMeetings, councils, resolutions } from '../tables.js';

/**
 * The sweep's act on one action item past its due day: it becomes overdue and a 督办 is raised on it, once (a unique
 * row per item), and its owner unit's handlers are told in the console, as a supervised demand's unit is. Read again
 * under a lock, so an item completed meanwhile is left alone.
 */
export async function markActionItemOverdue(a: ActionContext, opts: { actionItemId: number }) {
  const [row] = await a.tx
    .select({ item: actionItems, regionPath: regionOf(councils.regionId).path, council: councils.name, meeting: councilMeetings.title })
    .from(actionItems)
    .innerJoin(resolutions, eq(resolutions.id, actionItems.resolutionId))
    .innerJoin(councilMeetings, eq(councilMeetings.id, resolutions.meetingId))
    .innerJoin(councils, eq(councils.id, councilMeetings.councilId))
    .where(eq(actionItems.id, opts.actionItemId))
    .for('update', { of: actionItems });
  if (!row) throw new AppError('not_found');
  const { item } = row;
  const to = moveActionItem(item.status, 'mark_overdue');
  if (!to || !isOverdue(item, localDay(a.now))) throw new AppError('council.action_item_state', { details: { status: item.status } });
  await a.tx
    .update(actionItems)
    .set({ status: to, updatedAt: a.now })
    .where(and(eq(actionItems.id, item.id), eq(actionItems.status, item.status)));
  const reason = `议事会决议行动项“${item.title}”已超过完成期限（${item.dueOn}），转为督办。`;
  const raised = await a.tx
    .insert(actionItemSupervisions)
    .values({ actionItemId: item.id, unitId: item.ownerUnitId, reason, createdAt: a.now })
    .onConflictDoNothing()
    .returning({ id: actionItemSupervisions.id });
  if (raised.length && item.ownerUnitId) {
    await enqueueConsoleMessages(a, [`unit:${item.ownerUnitId}:handlers`], `督办：${row.council}“${row.meeting}”${reason}`);
  }
  await audit(a, {
    resource: 'action_item',
    resourceId: item.id,
    action: 'mark_overdue',
    regionPath: row.regionPath,
    data: { dueOn: item.dueOn, supervisionId: raised[0]?.id ?? null, unitId: item.ownerUnitId },
  });
  return { id: item.id, supervised: raised.length > 0 };
}
