// The appointments module's public face: other modules import only this file.
export { appointmentRoutes } from './routes.js';
export { appointees, appointmentProgrammes } from './tables.js';
