// The telephony module's public face (the hotline's PBX): other modules import only this file.
export { linkCall } from './actions/link-call.js';
export { callChannel, listenForCalls } from './relay.js';
export { type TelephonyRouteOptions, telephonyRoutes } from './routes.js';
export { calls } from './tables.js';
