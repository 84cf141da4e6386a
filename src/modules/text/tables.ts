import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { demands } from '../demands/tables.js';

/** Every suggestion shown, with the model version that made it: what was offered can be audited. */
export const textSuggestions = pgTable(
  'text_suggestions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
    modelVersion: text('model_version').notNull(),
    categories: jsonb('categories').notNull(),
    units: jsonb('units').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('text_suggestions_demand_idx').on(t.demandId)],
);

/** Labeled messages imported from a CSV (a district's older system, a public data set) to learn from. */
export const textTrainingExamples = pgTable(
  'text_training_examples',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    categoryId: integer('category_id').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('text_training_examples_category_idx').on(t.categoryId)],
);

/**
 * 一类事 as last computed over the recent window (derived data: recomputed, never edited, left out
 * of backups). Requests read these; a background refresh replaces them.
 */
export const topics = pgTable('topics', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  label: text('label').notNull(),
  place: text('place'),
  problem: text('problem').notNull(),
  keywords: jsonb('keywords').notNull(),
  size: integer('size').notNull(),
  reporters: integer('reporters').notNull(),
  heat: doublePrecision('heat').notNull(),
  rising: boolean('rising').notNull(),
  firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

/** A topic's demands, each with its region's path so that a reader sees only the members in their scope. */
export const topicMembers = pgTable(
  'topic_members',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    demandId: bigint('demand_id', { mode: 'number' }).notNull(),
    regionPath: text('region_path').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.demandId] }), index('topic_members_demand_idx').on(t.demandId)],
);
