// The settings module's public face: other modules import only this file.
export { settingsRoutes } from './routes.js';
export { getSetting, putSetting } from './store.js';
