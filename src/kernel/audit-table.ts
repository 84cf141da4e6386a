import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The trail of every state change in every module: who did what to which record, when and why.
 * Written only through `audit()` inside an action's transaction (see docs/decisions/0005).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    resource: text('resource').notNull(),
    resourceId: text('resource_id').notNull(),
    action: text('action').notNull(),
    actorKind: text('actor_kind', { enum: ['user', 'resident', 'system'] }).notNull(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name'),
    /** The region the record belongs to (materialised path), so supervisors read their own scope. */
    regionPath: text('region_path'),
    reason: text('reason'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('audit_events_resource_idx').on(t.resource, t.resourceId, t.at),
    index('audit_events_actor_idx').on(t.actorUserId, t.at),
    index('audit_events_at_idx').on(t.at),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
