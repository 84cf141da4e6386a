import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What happened inside (a demand was registered), for the modules that act on it afterwards:
 * written in the transaction of the change, handed to each subscriber after commit by the event
 * dispatcher, at least once. A rolled-back change leaves no event; a crash after commit loses none.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** `demand.registered` … (see `DomainEventName`). */
    name: text('name').notNull(),
    /** The row the event is about (a demand's id). */
    subjectId: bigint('subject_id', { mode: 'number' }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When every subscriber had taken it; null while it waits (or is retried). */
    handledAt: timestamp('handled_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    /** Not before then: the next try after a failure, or the end of a running dispatcher's lease. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
  },
  (t) => [index('domain_events_due_idx').on(t.nextAttemptAt).where(sql`handled_at is null`)],
);

export type DomainEventRow = typeof domainEvents.$inferSelect;
