// The receptions module's public face: other modules import only this file.

export { recordReceptionEntry } from './actions/record-reception-entry.js';
export { scheduleReceptionDay } from './actions/schedule-reception-day.js';
export { receptionRoutes } from './routes.js';
