import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { regions } from '../regions/tables.js';

/** 提议: a resident proposes a matter for their community; others second it (附议). */
export const proposals = pgTable(
  'proposals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    proposerName: text('proposer_name'),
    proposerPhoneHash: text('proposer_phone_hash').notNull(),
    status: text('status', { enum: ['open', 'threshold_reached', 'on_agenda', 'merged', 'closed'] })
      .notNull()
      .default('open'),
    mergedIntoId: integer('merged_into_id'),
    seconds: integer('seconds').notNull().default(0),
    thresholdReachedAt: timestamp('threshold_reached_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proposals_region_idx').on(t.regionId)],
);

/** One person, one second: the phone (hashed) is the person. */
export const proposalSeconds = pgTable(
  'proposal_seconds',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id),
    phoneHash: text('phone_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.phoneHash] })],
);
