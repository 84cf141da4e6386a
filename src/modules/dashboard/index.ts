// The dashboard module's public face: other modules import only this file.

export { compactDemandCounts, countersByGroup, scheduleCounterCompaction } from './counters.js';
export { dashboardRoutes } from './routes.js';
