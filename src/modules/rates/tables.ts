import { bigint, date, index, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';

/**
 * The counts behind 三率 per unit and local day, kept for days that are over so that a month is a
 * sum of at most 31 rows per unit instead of an aggregate over every assignment, callback and
 * closure of the month. Derived data: rebuilt from the demands tables, never backed up.
 */
export const rateRollups = pgTable(
  'rate_rollups',
  {
    day: date('day', { mode: 'string' }).notNull(),
    unitId: integer('unit_id').notNull(),
    dispatched: integer('dispatched').notNull(),
    respondedInTime: integer('responded_in_time').notNull(),
    calledBack: integer('called_back').notNull(),
    solved: integer('solved').notNull(),
    satisfied: integer('satisfied').notNull(),
    closed: integer('closed').notNull(),
    closedOnTime: integer('closed_on_time').notNull(),
    yellow: integer('yellow').notNull(),
    red: integer('red').notNull(),
    overdue: integer('overdue').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId] })],
);

/** The days whose rollups were computed (a day without activity has no unit rows, yet is known). */
export const rateRollupDays = pgTable('rate_rollup_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

/**
 * Days whose rows changed after their rollup was computed, written by triggers on assignments,
 * callbacks, demands and demand_supervisions in the changing transaction. Append-only (no unique
 * key), so that concurrent writers never wait on each other; the refresher removes what it used.
 */
export const rateRollupDirty = pgTable(
  'rate_rollup_dirty',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [index('rate_rollup_dirty_day_idx').on(t.day)],
);
