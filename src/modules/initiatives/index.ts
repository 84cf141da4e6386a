// The initiatives module's public face: other modules import only this file.

export { initiativeExists } from './read-councils.js';
export { initiativeRoutes } from './routes.js';
export { initiatives } from './tables.js';
