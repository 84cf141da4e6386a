import { eq } from 'drizzle-orm';
import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { invalidateDeadlineInputs } from '../cache.js';
import { calendarDays } from '../tables.js';

/** The day follows the ordinary week again. */
export async function removeCalendarDay(a: ActionContext, opts: { day: string }) {
  requireAdmin(a.actor);
  const removed = await a.tx.delete(calendarDays).where(eq(calendarDays.day, opts.day)).returning();
  if (!removed.length) {
    a.unchanged();
    return;
  }
  await audit(a, { resource: 'calendar', resourceId: opts.day, action: 'remove_day', data: { was: removed[0].kind } });
  a.afterCommit(() => invalidateDeadlineInputs(a.app.db));
  // The other processes drop theirs too.
  await announceChange(a, 'deadlines');
}
