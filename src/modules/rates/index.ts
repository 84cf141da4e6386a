// The rates module's public face: other modules import only this file.
export { refreshRateRollups, startRateRollups } from './rollups.js';
export { rateRoutes } from './routes.js';
