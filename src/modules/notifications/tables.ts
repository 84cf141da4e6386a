import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One-time codes that prove a resident holds a phone, without an account. */
export const phoneVerifications = pgTable(
  'phone_verifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('phone_verifications_phone_idx').on(t.phoneHash)],
);

/** 退订: a phone that replied TD gets no more notices (codes it asks for itself still go). */
export const smsOptOuts = pgTable('sms_opt_outs', {
  phoneHash: text('phone_hash').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** Texts residents sent to the platform's number (survey answers, TD), as the provider reported them. */
export const inboundSms = pgTable('inbound_sms', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  providerRef: text('provider_ref').notNull().unique(),
  phoneHash: text('phone_hash').notNull(),
  text: text('text').notNull(),
  outcome: text('outcome').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});
