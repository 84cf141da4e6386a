// The notifications module's public face: other modules import only this file.
export { outboxMessages } from '../../kernel/index.js';
export { DeliveryError, httpGateway, logGateway, type SmsGateway, type WebhookEndpoints } from './gateways.js';
export { type NotificationRouteOptions, notificationRoutes } from './routes.js';
export { parseQuietHours } from './rules/delivery.js';
export { unlockRoutes } from './unlock-routes.js';
export { consumeVerificationCode, phoneKey, sendVerificationCode } from './verification.js';
export { type DeliveryOptions, deliverDue, leaseMs, startDeliveryWorker } from './worker.js';
