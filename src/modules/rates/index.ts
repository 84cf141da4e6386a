// The rates module's public face: other modules import only this file.

export { type MonthCallbacks, unitCallbacksByMonth } from './callbacks-by-month.js';
export { refreshRateRollups, scheduleRateRollups } from './rollups.js';
export { rateRoutes } from './routes.js';
