export { deadlineInputs, invalidateDeadlineInputs } from './cache.js';
export { addDays, dueAt, localDay, resolveTimeLimit, startOfLocalDay, type TimeLimit, type WorkCalendar } from './deadlines.js';
export { calendarRoutes } from './routes.js';
export { type CalendarDay, listCalendarDays, upsertCalendarDays } from './store.js';
export { calendarDays, type DeadlineStage, deadlineStages, timeLimitRules } from './tables.js';
