import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
