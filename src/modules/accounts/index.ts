// The accounts module's public face: other modules import only this file.
export { createUser, type RoleInput } from './actions/create-user.js';
export { accountsByIds, activeAccounts, handledUnits, userNameOf, userPhoneOf } from './read.js';
export { accountRoutes } from './routes.js';
export { findAccount, findSession, findTokenUser, loadActor } from './store.js';
export { type Role, roles, users } from './tables.js';
