import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { regions } from '../regions/tables.js';
import type { Geometry } from './geometry.js';

/**
 * A region's boundary (示意 or surveyed), one per region, as GeoJSON in jsonb: the same on PostgreSQL and
 * PGlite, where PostGIS is not to be had. Points are placed in memory (see placer.ts), not in SQL.
 */
export const regionBoundaries = pgTable('region_boundaries', {
  regionId: integer('region_id')
    .primaryKey()
    .references(() => regions.id),
  geometry: jsonb('geometry').$type<Geometry>().notNull(),
  /** "schematic" (示意边界, drawn by hand for a demo or a first start) or "surveyed". */
  quality: text('quality', { enum: ['schematic', 'surveyed'] })
    .notNull()
    .default('surveyed'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
});

export const placeKinds = ['road', 'compound', 'landmark'] as const;
export type PlaceKind = (typeof placeKinds)[number];
export const placeStates = ['confirmed', 'candidate', 'rejected'] as const;
export type PlaceState = (typeof placeStates)[number];

/**
 * 地名: a road, compound or landmark in a community. Imported ones are confirmed; those mined from
 * demands staff placed are candidates until an admin confirms them. Only confirmed ones place demands.
 */
export const namedPlaces = pgTable(
  'named_places',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: placeKinds }).notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    state: text('state', { enum: placeStates }).notNull(),
    source: text('source', { enum: ['import', 'learned'] }).notNull(),
    /** For a learned place: how many staff-placed demands named it in this community. */
    evidence: integer('evidence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('named_places_name_region_uq').on(t.name, t.regionId), index('named_places_state_idx').on(t.state)],
);
