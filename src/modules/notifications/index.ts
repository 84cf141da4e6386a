// The notifications module's public face: other modules import only this file.
export { outboxMessages } from './tables.js';
export { consumeVerificationCode, phoneKey, sendVerificationCode } from './verification.js';
