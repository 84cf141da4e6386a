// The receptions module's public face: other modules import only this file.
export { receptionRoutes } from './routes.js';
