// The Open311 module's public face: other modules import only this file.
export { open311KeyRoutes } from './key-routes.js';
export { open311Routes } from './routes.js';
export { open311Keys, open311Requests } from './tables.js';
