// The dashboard module's public face: other modules import only this file.
export { dashboardRoutes } from './routes.js';
