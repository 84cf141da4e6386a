import { asc, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { type DayKind, makeCalendar, type TimeLimitRule, type WorkCalendar } from './deadlines.js';
import { calendarDays, timeLimitRules } from './tables.js';

export type CalendarDay = { day: string; kind: DayKind; note: string };

export async function listCalendarDays(db: Db | Tx): Promise<CalendarDay[]> {
  return db.select().from(calendarDays).orderBy(asc(calendarDays.day));
}

export async function loadCalendar(db: Db | Tx): Promise<WorkCalendar> {
  const rows = await listCalendarDays(db);
  return makeCalendar(new Map(rows.map((r) => [r.day, r.kind])));
}

/** Writes (or replaces) the given days in one statement: an import is all or nothing. */
export async function upsertCalendarDays(db: Db | Tx, days: CalendarDay[]): Promise<number> {
  if (days.length === 0) return 0;
  await db
    .insert(calendarDays)
    .values(days)
    .onConflictDoUpdate({ target: calendarDays.day, set: { kind: sql`excluded.kind`, note: sql`excluded.note` } });
  return days.length;
}

export async function loadTimeLimitRules(db: Db | Tx): Promise<TimeLimitRule[]> {
  return db.select().from(timeLimitRules);
}
