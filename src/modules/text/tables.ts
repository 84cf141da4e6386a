import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { demands } from '../demands/tables.js';

/** Every suggestion shown, with the model version that made it: what was offered can be audited. */
export const textSuggestions = pgTable(
  'text_suggestions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    demandId: bigint('demand_id', { mode: 'number' }).notNull().references(() => demands.id),
    modelVersion: text('model_version').notNull(),
    categories: jsonb('categories').notNull(),
    units: jsonb('units').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('text_suggestions_demand_idx').on(t.demandId)],
);
