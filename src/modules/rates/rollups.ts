import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { AppContext, JobQueue } from '../../kernel/index.js';
import { addDays, localDay, startOfLocalDay } from '../calendar/index.js';
import { countsByUnitDay, type DayCounts } from './day-counts.js';
import { rateRollupDays, rateRollups } from './tables.js';

// Any constant the installation agrees on, with the day as the second key: one process rolls up a day at a time.
const rollupLock = 7_411_002;

/**
 * Rolls up every day that is over and has no rollup yet or changed since (marked by the triggers
 * of migration 0024), one day per transaction. Derived data, like a cache: no audit event.
 */
export async function refreshRateRollups(app: Pick<AppContext, 'db' | 'now'>): Promise<{ days: number }> {
  const today = localDay(app.now());
  // Today and later are always counted live, so their marks say nothing.
  await app.db.execute(sql`delete from rate_rollup_dirty where day >= ${today}::date`);
  const todo = await queryRows<{ day: string }>(
    app.db,
    sql`with first as (select tingjian_local_day(min(created_at)) as day from demands)
        select g.day::date::text as day
          from first, generate_series(first.day, ${today}::date - 1, interval '1 day') g (day)
         where first.day is not null and not exists (select 1 from rate_rollup_days r where r.day = g.day::date)
        union
        select distinct day::text from rate_rollup_dirty where day < ${today}::date
        order by 1`,
  );
  let days = 0;
  for (const { day } of todo) if (await rollUpDay(app, day)) days++;
  return { days };
}

async function rollUpDay(app: Pick<AppContext, 'db' | 'now'>, day: string): Promise<boolean> {
  return app.db.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${rollupLock}, ${day}::date - date '2000-01-01') as locked`,
    );
    if (!locked) return false;
    // Read before counting: a mark that commits after this read stays, and the day is redone next time.
    const marks = await queryRows<{ id: number }>(tx, sql`select id::int as id from rate_rollup_dirty where day = ${day}::date`);
    const rows = await countsByUnitDay(tx, startOfLocalDay(day), startOfLocalDay(addDays(day, 1)), app.now());
    await tx.execute(sql`delete from rate_rollups where day = ${day}::date`);
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(rateRollups).values(rows.slice(i, i + 1000));
    await tx
      .insert(rateRollupDays)
      .values({ day, computedAt: app.now() })
      .onConflictDoUpdate({ target: rateRollupDays.day, set: { computedAt: app.now() } });
    if (marks.length)
      await tx.execute(sql`delete from rate_rollup_dirty where id = any(${`{${marks.map((m) => m.id).join(',')}}`}::bigint[])`);
    return true;
  });
}

type UnitSums = Omit<DayCounts, 'day'>;

/**
 * A month's counts per unit: the rolled-up days that are still clean, plus the rest (today, days
 * changed since their rollup, days never rolled up) counted live, all from one snapshot so that a
 * rollup committing meanwhile is counted once.
 */
export async function monthCountsByUnit(db: Db, start: string, end: string, now: Date): Promise<UnitSums[]> {
  const today = localDay(now);
  return db.transaction(
    async (tx) => {
      const settled = await queryRows<{ day: string }>(
        tx,
        sql`select r.day::text as day from rate_rollup_days r
             where r.day >= ${start}::date and r.day < ${end}::date and r.day < ${today}::date
               and not exists (select 1 from rate_rollup_dirty d where d.day = r.day)
             order by r.day`,
      );
      const done = new Set(settled.map((r) => r.day));
      const byUnit = new Map<number, UnitSums>();
      const add = (r: UnitSums) => {
        const sum = byUnit.get(r.unitId);
        if (!sum) return void byUnit.set(r.unitId, { ...r });
        for (const k of Object.keys(r) as (keyof UnitSums)[]) if (k !== 'unitId') sum[k] += r[k];
      };
      if (done.size) {
        const rolled = await queryRows<UnitSums>(
          tx,
          sql`select unit_id as "unitId", sum(dispatched)::int as "dispatched", sum(responded_in_time)::int as "respondedInTime",
                     sum(called_back)::int as "calledBack", sum(solved)::int as "solved", sum(satisfied)::int as "satisfied",
                     sum(closed)::int as "closed", sum(closed_on_time)::int as "closedOnTime",
                     sum(yellow)::int as "yellow", sum(red)::int as "red", sum(overdue)::int as "overdue"
                from rate_rollups where day = any(${`{${[...done].join(',')}}`}::date[]) group by unit_id`,
        );
        for (const r of rolled) add(r);
      }
      for (const [from, to] of liveRuns(start, end, done)) {
        for (const { day: _, ...r } of await countsByUnitDay(tx, startOfLocalDay(from), startOfLocalDay(to), now)) add(r);
      }
      return [...byUnit.values()];
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The runs [from, to) of the days in [start, end) that are not rolled up: each one range scan. */
export function liveRuns(start: string, end: string, done: Set<string>): [string, string][] {
  const runs: [string, string][] = [];
  for (let d = start; d < end; d = addDays(d, 1)) {
    if (done.has(d)) continue;
    const last = runs.at(-1);
    if (last && last[1] === d) last[1] = addDays(d, 1);
    else runs.push([d, addDays(d, 1)]);
  }
  return runs;
}

/** Keeps the rollups current through the job queue: soon after start, then every minute, in one process at a time. */
export async function scheduleRateRollups(app: AppContext, jobs: JobQueue): Promise<void> {
  await jobs.every('roll-up-rates', '* * * * *', () => refreshRateRollups(app));
}
