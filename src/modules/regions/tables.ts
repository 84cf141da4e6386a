import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { categories } from '../categories/tables.js';

export const regionLevels = ['district', 'township', 'community', 'grid'] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const regions = pgTable(
  'regions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id'),
    level: text('level', { enum: regionLevels }).notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    // Materialised ancestry ("/1/4/17/") so scope checks are one prefix comparison.
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('regions_code_uq').on(t.code), index('regions_parent_idx').on(t.parentId), index('regions_path_idx').on(t.path)],
);

export const unitKinds = ['department', 'township_government', 'community_committee', 'property_company', 'enterprise', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    // The region a township government / community committee governs; used for 首接负责.
    homeRegionId: integer('home_region_id'),
    active: integer('active').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_name_uq').on(t.name)],
);

/** The regions a unit has jurisdiction over (it owns the descendants too). */
export const unitRegions = pgTable(
  'unit_regions',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.regionId] }), index('unit_regions_region_idx').on(t.regionId)],
);

/** The matter categories a unit owns (it owns the subcategories too). */
export const unitCategories = pgTable(
  'unit_categories',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.categoryId] }), index('unit_categories_category_idx').on(t.categoryId)],
);
