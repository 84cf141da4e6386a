import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { demands } from '../demands/tables.js';
import { regions } from '../regions/tables.js';

/** 接待日 (摆桌子听意见): a scheduled session where officials sit at a table and residents come. */
export const receptionDays = pgTable(
  'reception_days',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** Who receives residents (e.g. 社区书记 王某, 区住建委 副主任). */
    hosts: text('hosts').notNull(),
    place: text('place').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reportPublishedAt: timestamp('report_published_at', { withTimezone: true }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('reception_days_starts_idx').on(t.startsAt)],
);

/** The demands raised at a session. */
export const receptionEntries = pgTable(
  'reception_entries',
  {
    receptionDayId: integer('reception_day_id')
      .notNull()
      .references(() => receptionDays.id),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
  },
  (t) => [primaryKey({ columns: [t.receptionDayId, t.demandId] }), index('reception_entries_demand_idx').on(t.demandId)],
);
