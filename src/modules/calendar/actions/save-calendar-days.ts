import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { invalidateDeadlineInputs } from '../cache.js';
import { type CalendarDay, upsertCalendarDays } from '../store.js';

/** Holidays and adjusted working days (调休), added or changed all together or not at all. */
export async function saveCalendarDays(a: ActionContext, opts: { days: CalendarDay[]; source: 'form' | 'csv' }) {
  requireAdmin(a.actor);
  const counts = new Map<string, number>();
  for (const d of opts.days) counts.set(d.day, (counts.get(d.day) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([day]) => day);
  if (repeated.length) {
    throw new AppError('request.invalid', {
      zh: `同一天出现了两次：${repeated.join('、')}。每天只能有一行。`,
      en: `The same day appears twice: ${repeated.join(', ')}. One line per day.`,
      details: { repeated },
    });
  }
  const saved = await upsertCalendarDays(a.tx, opts.days);
  await audit(a, { resource: 'calendar', resourceId: 'days', action: 'save_days', data: { source: opts.source, days: opts.days } });
  a.afterCommit(() => invalidateDeadlineInputs(a.app.db));
  // The other processes drop theirs too.
  await announceChange(a, 'deadlines');
  return saved;
}
