// The settings module's public face: other modules import only this file.
export { settingsRoutes } from './routes.js';
export { getSetting, installationSecret, putSetting } from './store.js';
