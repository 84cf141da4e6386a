export * from '../kernel/audit-table.js';
export * from '../modules/accounts/tables.js';
export * from '../modules/assessments/tables.js';
export * from '../modules/calendar/tables.js';
export * from '../modules/categories/tables.js';
export * from '../modules/councils/tables.js';
export * from '../modules/demands/tables.js';
export * from '../modules/initiatives/tables.js';
export * from '../modules/knowledge/tables.js';
export * from '../modules/moderation/tables.js';
export * from '../modules/notifications/tables.js';
export * from '../modules/proposals/tables.js';
export * from '../modules/receptions/tables.js';
// Every table of every module, for Drizzle's typed queries and for drizzle-kit.
export * from '../modules/regions/tables.js';
export * from '../modules/settings/tables.js';
export * from '../modules/text/tables.js';
export * from './infra-tables.js';
