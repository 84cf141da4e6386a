import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
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
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.demandId] }), index('initiative_demands_demand_idx').on(t.demandId)],
);
