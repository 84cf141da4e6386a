import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../db/bytea.js';
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

/**
 * Trained category models, newest last, so that a restarted process (or another process on the
 * same database) suggests at once instead of training first. Weights are stored as 8-bit integers
 * with one scale per class. Derived data: rebuilt by training, never backed up.
 */
export const textModels = pgTable('text_models', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  version: text('version').notNull(),
  /** How far routing had come when it was trained (the newest assignment's id). */
  trainedWith: bigint('trained_with', { mode: 'number' }).notNull(),
  meta: jsonb('meta').notNull(),
  weights: bytea('weights').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What dispatchers did before, per unit and category (the demand's category when it was
 * dispatched): the reasons beside a unit suggestion, kept by triggers on assignments in the
 * dispatching transaction (migration 0026) instead of counted over every assignment per request.
 * Each dispatch adds a row of its own, summed when read and compacted every minute (migration
 * 0043): one row per pair made every dispatch to a unit in a category wait for the one before
 * to commit.
 */
export const unitCategoryHistory = pgTable(
  'unit_category_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer('unit_id').notNull(),
    categoryId: integer('category_id').notNull(),
    dispatched: integer('dispatched').notNull(),
    returned: integer('returned').notNull(),
  },
  (t) => [index('unit_category_history_pair_idx').on(t.unitId, t.categoryId)],
);

/**
 * Each time a topic began to rise, so that its people are told once per rise: topics get new ids on every
 * refresh, so a rise is known by a key that outlives them (the topic's place and its earliest demand).
 * `endedAt` is set when a refresh finds it no longer rising; a later rise is a new row.
 */
export const topicRises = pgTable(
  'topic_rises',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    regionId: integer('region_id'),
    unitId: integer('unit_id'),
    roseAt: timestamp('rose_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('topic_rises_open_key_uq').on(t.key).where(sql`${t.endedAt} is null`)],
);
