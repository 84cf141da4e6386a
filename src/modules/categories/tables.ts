import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id'),
    level: integer('level').notNull(),
    name: text('name').notNull(),
    /** "城乡建设/城市建设和市政管理/燃气供应": unique, human-readable, stable across installs. */
    fullName: text('full_name').notNull(),
    path: text('path').notNull(),
    /** Water, power, gas, heating: the 24-hour reply norm applies. */
    utility: boolean('utility').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('categories_full_name_uq').on(t.fullName), index('categories_parent_idx').on(t.parentId)],
);
