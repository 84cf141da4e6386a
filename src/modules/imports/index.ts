// The imports module's public face (历史导入): other modules import only this file.
export { importRoutes } from './routes.js';
export { importSources } from './tables.js';
