import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export type ImportColumns = {
  number: string;
  content: string;
  createdAt: string;
  title?: string;
  replyText?: string;
  repliedAt?: string;
  reporterName?: string;
  region?: string;
  category?: string;
  unit?: string;
};

export type ImportDefaults = {
  /** Where rows without a region column (or with an unmatched one mapped here) belong. */
  regionId: number;
  /** The unit answered rows are credited to when the file has no unit column. */
  unitId?: number | null;
  type?: 'consultation' | 'help' | 'complaint' | 'report' | 'suggestion';
};

/** Names in a source's file resolved by hand after a dry run (the review of unmatched names). */
export type ImportNameMaps = { regions?: Record<string, number>; categories?: Record<string, number>; units?: Record<string, number> };

/** An earlier system's export, as Tingjian reads it: its column mapping and defaults, kept per source. */
export const importSources = pgTable('import_sources', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  columns: jsonb('columns').$type<ImportColumns>().notNull(),
  defaults: jsonb('defaults').$type<ImportDefaults>().notNull(),
  nameMaps: jsonb('name_maps').$type<ImportNameMaps>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
