import { bigint, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * 一屏's counters: how many demands of each region, local day of intake, channel and state there
 * are, as signed deltas written by triggers on demands in the changing transaction (migration 0031).
 * Append-only, so concurrent intakes never wait on a counter row; a job sums each group's rows into
 * one now and then. A figure over a month is a sum over a few thousand rows, not over its demands.
 * Derived data: rebuilt from demands, never backed up.
 */
export const demandDayCounts = pgTable(
  'demand_day_counts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    regionId: integer('region_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    state: text('state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('demand_day_counts_day_idx').on(t.day), index('demand_day_counts_state_idx').on(t.state, t.regionId)],
);
