import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const outboxChannels = ['sms', 'console', 'webhook'] as const;
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Messages for the world outside (SMS to residents, webhooks to the city's 12345, prompts in the
 * console): written in the transaction of the change that caused them, delivered after commit by
 * the notifications worker. A rolled-back change leaves no message; a crash after commit loses none.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    channel: text('channel', { enum: outboxChannels }).notNull(),
    /** A phone number (sms), an endpoint name (webhook) or a console audience. */
    recipient: text('recipient').notNull(),
    body: text('body').notNull(),
    /** Which template wrote the body (sms) or the event kind (webhook): providers send by template id. */
    template: text('template'),
    params: jsonb('params').$type<Record<string, string>>(),
    demandId: bigint('demand_id', { mode: 'number' }),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The provider's id for the sent message. */
    providerRef: text('provider_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_unsent_idx').on(t.sentAt),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_recipient_idx').on(t.recipient, t.sentAt),
  ],
);

export type OutboxMessageRow = typeof outboxMessages.$inferSelect;
