// The proposals module's public face: other modules import only this file.
export { proposalRoutes } from './routes.js';
export { proposals } from './tables.js';
