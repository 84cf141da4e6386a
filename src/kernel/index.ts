// The kernel: what every module builds on. Modules import it through this file only.
export {
  type Action,
  type ActionContext,
  type AppContext,
  actingAs,
  appContextFor,
  perform,
  type Reader,
  replicaOf,
  singleStatement,
  UnauditedActionError,
} from './action.js';
export * from './actor.js';
export { type AuditEntry, audit, auditMany, auditRow } from './audit.js';
export { type AuditEventRow, auditEvents } from './audit-table.js';
export { announceChange, type CacheName, cacheChannel, cacheNames, deliverCacheNotice, onCacheNotice } from './cache-notices.js';
export {
  type DomainEvent,
  type DomainEventData,
  type DomainEventName,
  dispatchDueEvents,
  publish,
  publishSql,
  startEventDispatcher,
  subscribe,
} from './events.js';
export { type DomainEventRow, domainEvents } from './events-table.js';
export type { JobQueue } from './jobs.js';
export {
  enqueueConsoleMessages,
  enqueueSms,
  enqueueWebhook,
  receiptSmsSql,
  renderTemplate,
  type SmsTemplate,
  smsTemplates,
} from './outbox.js';
export { type OutboxMessageRow, type OutboxStatus, outboxMessages, outboxStatuses } from './outbox-table.js';
export { type ReferenceKind, referenceStands, registerReference } from './references.js';
export { dataAsOf } from './replica.js';
export { type Role, roles } from './roles.js';
export {
  coversRegion,
  handledUnitIds,
  handlesUnit,
  hasAnyRole,
  organiserRoles,
  organisesIn,
  organisesUnder,
  reachesOrWithin,
  type Scope,
  scopeCondition,
  scopeHolds,
  scopeOf,
  withinRegions,
} from './scope.js';
