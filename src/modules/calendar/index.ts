export { deadlineInputs, invalidateDeadlineInputs } from './cache.js';
export { dueAt, localDay, resolveTimeLimit, type TimeLimit, type WorkCalendar } from './deadlines.js';
export { listCalendarDays, upsertCalendarDays, type CalendarDay } from './store.js';
export { calendarDays, timeLimitRules, type DeadlineStage } from './tables.js';
