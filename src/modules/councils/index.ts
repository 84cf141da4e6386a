// The councils module's public face: other modules import only this file.
export { councilRoutes } from './routes.js';
export { councils, councilSeats } from './tables.js';
