// The audit module's public face: reading the kernel's trail over HTTP.
export { auditRoutes } from './routes.js';
