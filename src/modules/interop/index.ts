// The interop module's public face (the city's 12345 exchange): other modules import only this file.
export { interopRoutes } from './routes.js';
