import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { demands } from '../demands/tables.js';
import { units } from '../regions/tables.js';

/** 治理专项: a topic promoted to a piece of work owned by one unit, answered once for all its demands. */
export const initiatives = pgTable('initiatives', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  title: text('title').notNull(),
  topicLabel: text('topic_label'),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  status: text('status', { enum: ['open', 'answered'] })
    .notNull()
    .default('open'),
  answer: text('answer'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const initiativeDemands = pgTable(
  'initiative_demands',
  {
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    /** A supervisor took the demand out (not this problem, not this place): it gets no collective answer. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: integer('removed_by').references(() => users.id),
    removeReason: text('remove_reason'),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.demandId] }), index('initiative_demands_demand_idx').on(t.demandId)],
);

/** Every collective answer given, in order, with exactly who received it and who did not and why. */
export const initiativeAnswers = pgTable(
  'initiative_answers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    version: integer('version').notNull(),
    answer: text('answer').notNull(),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    /** [{ demandId, outcome: 'replied' | 'skipped', state, why }] */
    recipients: jsonb('recipients').notNull(),
  },
  (t) => [uniqueIndex('initiative_answers_version_idx').on(t.initiativeId, t.version)],
);
