import { and, asc, eq, lt } from 'drizzle-orm';
import { type AppContext, type JobQueue, perform, systemActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { localDay } from '../calendar/index.js';
import { markActionItemOverdue } from './actions/mark-action-item-overdue.js';
import { actionItems } from './tables.js';

/**
 * One sweep: every open action item whose due day has passed becomes overdue with its 督办, each in its own audited
 * action as the system. An item completed (or swept by another process) meanwhile is skipped: once only.
 */
export async function chaseOverdueActionItems(app: AppContext, batch = 500): Promise<{ overdue: number }> {
  const today = localDay(app.now());
  const due = await app.db
    .select({ id: actionItems.id })
    .from(actionItems)
    .where(and(eq(actionItems.status, 'open'), lt(actionItems.dueOn, today)))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(batch);
  let overdue = 0;
  for (const { id } of due) {
    try {
      await perform(app, systemActor, markActionItemOverdue, { actionItemId: id });
      overdue++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { overdue };
}

/** Runs the sweep hourly through the job queue, in one process at a time. */
export async function scheduleActionItemChase(app: AppContext, jobs: JobQueue): Promise<void> {
  await jobs.every('chase-action-items', '7 * * * *', () => chaseOverdueActionItems(app));
}
