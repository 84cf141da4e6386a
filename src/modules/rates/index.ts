// The rates module's public face: other modules import only this file.
export { rateRoutes } from './routes.js';
