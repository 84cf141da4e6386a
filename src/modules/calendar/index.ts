export { deadlineInputs, invalidateDeadlineInputs } from './cache.js';
export { addDays, dueAt, localDay, resolveTimeLimit, startOfLocalDay, type TimeLimit, type WorkCalendar } from './deadlines.js';
export { listCalendarDays, upsertCalendarDays, type CalendarDay } from './store.js';
export { calendarDays, timeLimitRules, type DeadlineStage } from './tables.js';
export { calendarRoutes } from './routes.js';
