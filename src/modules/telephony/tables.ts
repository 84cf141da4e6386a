import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { demands } from '../demands/tables.js';

/** 来电: an incoming call as the PBX/CTI server reported it, and the demand taken on it. */
export const calls = pgTable(
  'calls',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** The PBX's own id for the call: a second report of it changes nothing. */
    callId: text('call_id').notNull().unique(),
    phone: text('phone').notNull(),
    /** The hotline line (trunk or queue) the call came in on. */
    line: text('line').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The first demand registered on this call. */
    demandId: integer('demand_id').references(() => demands.id),
  },
  (t) => [index('calls_phone_idx').on(t.phone)],
);
