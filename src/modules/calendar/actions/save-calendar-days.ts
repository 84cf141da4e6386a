import { type ActionContext, audit, requireAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { invalidateDeadlineInputs } from '../cache.js';
import { type CalendarDay, upsertCalendarDays } from '../store.js';

/** Holidays and adjusted working days (调休), added or changed all together or not at all. */
export async function saveCalendarDays(a: ActionContext, opts: { days: CalendarDay[]; source: 'form' | 'csv' }) {
  requireAdmin(a.actor);
  const seen = new Set<string>();
  const repeated = opts.days.filter((d) => (seen.has(d.day) ? true : (seen.add(d.day), false))).map((d) => d.day);
  if (repeated.length) {
    throw new AppError('request.invalid', {
      zh: `同一天出现了两次：${[...new Set(repeated)].join('、')}。每天只能有一行。`,
      en: `The same day appears twice: ${[...new Set(repeated)].join(', ')}. One line per day.`,
      details: { repeated },
    });
  }
  const saved = await upsertCalendarDays(a.tx, opts.days);
  await audit(a, { resource: 'calendar', resourceId: 'days', action: 'save_days', data: { source: opts.source, days: opts.days } });
  a.afterCommit(() => invalidateDeadlineInputs(a.app.db));
  return saved;
}
