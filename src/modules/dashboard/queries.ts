import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { type Actor, scopeHolds, scopeOf } from '../../kernel/index.js';
import { addDays, localDay, startOfLocalDay } from '../calendar/index.js';
import { demands, openStates, visibleDemands } from '../demands/index.js';
import { unitCallbacksByMonth } from '../rates/index.js';
import { regionOf, townshipIdOf } from '../regions/index.js';
import { countedFigures, regionScope } from './counted.js';

const isOpen = inArray(demands.state, [...openStates]);

/**
 * The demands the actor may see: every figure of the dashboard is in scope. For a caller who sees
 * the whole installation (`everything`), no test of each demand's scope is needed.
 */
const scoped = (actor: Actor, extra: SQL, joins: SQL = sql``, everything = false) => {
  if (everything) return sql`from ${demands} ${joins} where ${extra}`;
  const scope = visibleDemands(actor);
  return sql`from ${demands} ${joins} where ${extra}${scope ? sql` and ${scope}` : sql``}`;
};

const num = (v: unknown) => Number(v);

/**
 * Whether the actor's scope is the whole installation (an admin, or grants on every top region):
 * then a figure over callbacks needs no test that each one's demand is in scope, which at 10^6
 * demands is most of the dashboard's time.
 */
async function seesEverything(db: Db, actor: Actor): Promise<boolean> {
  const scope = scopeOf(actor);
  if (scope.all) return true;
  if (scope.regionPaths.length === 0) return false;
  const tops = await queryRows<{ path: string }>(db, sql`select path from regions where parent_id is null`);
  return tops.length > 0 && tops.every((t) => scopeHolds(scope, { regionPath: t.path }));
}

type MonthSatisfaction = { month: string; called: number; satisfied: number };
const monthOf = sql`to_char(c.at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
const satisfiedCount = sql`count(*) filter (where c.satisfaction in ('satisfied', 'basically_satisfied'))`;

/** Callbacks month by month over the caller's demands. */
const satisfactionInScope = (db: Db, actor: Actor, since: Date) =>
  queryRows<MonthSatisfaction>(
    db,
    sql`select ${monthOf} as month, count(*) as called, ${satisfiedCount} as satisfied
      from callbacks c where c.at >= ${since} and c.demand_id in (select ${demands.id} ${scoped(actor, sql`true`)})
      group by 1 order by 1`,
  );

/** A unit's callbacks month by month, from 三率's rollups: the callbacks of what it handled. */
async function satisfactionOfUnits(db: Db, unitIds: number[], since: Date, now: Date): Promise<MonthSatisfaction[]> {
  const units = await unitCallbacksByMonth(db, localDay(since).slice(0, 7), now, unitIds);
  return units.filter((u) => u.calledBack > 0).map((u) => ({ month: u.month, called: u.calledBack, satisfied: u.satisfied }));
}

/**
 * Callbacks month by month over the whole installation: the units' from 三率's daily rollups (half a
 * year of callbacks is half a year's demands), those the desk answered itself (no unit) counted here.
 */
async function satisfactionEverywhere(db: Db, since: Date, now: Date): Promise<MonthSatisfaction[]> {
  const [units, desk] = await Promise.all([
    unitCallbacksByMonth(db, localDay(since).slice(0, 7), now),
    queryRows<MonthSatisfaction>(
      db,
      sql`select ${monthOf} as month, count(*) as called, ${satisfiedCount} as satisfied
        from callbacks c where c.unit_id is null and c.at >= ${since} group by 1`,
    ),
  ]);
  const byMonth = new Map(units.map((u) => [u.month, { month: u.month, called: u.calledBack, satisfied: u.satisfied }]));
  for (const d of desk) {
    const m = byMonth.get(d.month);
    if (m) {
      m.called += num(d.called);
      m.satisfied += num(d.satisfied);
    }
  }
  return [...byMonth.values()].filter((m) => m.called > 0);
}

/** The figures the counters hold, counted over the demands of a unit's scope. */
async function countLive(db: Db, actor: Actor, now: Date, monthStart: Date) {
  const today = startOfLocalDay(localDay(now));
  const since30 = new Date(now.getTime() - 30 * 86_400_000);
  const township = townshipIdOf(sql`g.id`);
  const [byChannel, byState, places, [month]] = await Promise.all([
    queryRows<{ channel: string; n: number }>(
      db,
      sql`select ${demands.channel} as channel, count(*) as n ${scoped(actor, sql`${demands.createdAt} >= ${today}`)} group by 1 order by 2 desc`,
    ),
    queryRows<{ state: string; n: number }>(db, sql`select ${demands.state} as state, count(*) as n ${scoped(actor, isOpen)} group by 1`),
    // Counted by region id, then named: the names and townships are read for the 200 places shown, not per demand.
    queryRows<{ id: number; name: string; township_id: number | null; township: string | null; n: number }>(
      db,
      sql`select g.id, ${regionOf(sql`g.id`).name} as name, ${township} as township_id, ${regionOf(township).name} as township, g.n
        from (select ${demands.regionId} as id, count(*) as n ${scoped(actor, sql`${demands.createdAt} >= ${since30}`)}
          group by 1 order by 2 desc limit 200) g
        order by g.n desc`,
    ),
    queryRows<{ total: number; closed: number }>(
      db,
      sql`select count(*) as total, count(*) filter (where ${demands.state} = 'closed') as closed ${scoped(actor, sql`${demands.createdAt} >= ${monthStart}`)}`,
    ),
  ]);
  return { today: byChannel, open: byState, places, month: month ?? { total: 0, closed: 0 } };
}

/** 一屏: what a leader looks at first — today's intake, what is open, who is late, satisfaction over time, and where. */
export async function dashboard(db: Db, actor: Actor, now: Date) {
  const monthStart = startOfLocalDay(`${localDay(now).slice(0, 7)}-01`);
  const sixMonthsAgo = startOfLocalDay(`${addDays(`${localDay(now).slice(0, 7)}-01`, -160).slice(0, 7)}-01`);

  const all = await seesEverything(db, actor);
  // A scope of regions reads the counters; a unit's scope (a handler's) counts its demands.
  const paths = regionScope(actor);
  // Only handler grants: the units' own figures (a unit's scope is what it handled).
  const scope = scopeOf(actor);
  const handlerUnits = !scope.all && scope.regionPaths.length === 0 && scope.unitIds.length > 0 ? [...scope.unitIds] : null;
  // Independent figures: asked at once (the server's pool runs them side by side).
  const [counted, overdue, satisfaction, [late]] = await Promise.all([
    paths === null ? countLive(db, actor, now, monthStart) : countedFigures(db, paths, now),
    queryRows<{ unit_id: number; name: string; n: number }>(
      db,
      sql`select u.id as unit_id, u.name, count(*) as n ${scoped(
        actor,
        sql`${demands.state} in ('dispatched', 'acknowledged') and ${demands.stageDueAt} < ${now}`,
        sql`join units u on u.id = ${demands.unitId}`,
        all,
      )} group by 1, 2 order by 3 desc, 2 limit 10`,
    ),
    all
      ? satisfactionEverywhere(db, sixMonthsAgo, now)
      : handlerUnits
        ? satisfactionOfUnits(db, handlerUnits, sixMonthsAgo, now)
        : satisfactionInScope(db, actor, sixMonthsAgo),
    // Overdue as the list's overdue queue counts it: any open demand past its current step's deadline.
    queryRows<{ n: number }>(db, sql`select count(*) as n ${scoped(actor, sql`${isOpen} and ${demands.stageDueAt} < ${now}`, sql``, all)}`),
  ]);
  const { today: byChannel, open: byState, places, month } = counted;
  return {
    today: byChannel.map((r) => ({ channel: r.channel, count: num(r.n) })),
    open: byState.map((r) => ({ state: r.state, count: num(r.n) })),
    overdueByUnit: overdue.map((r) => ({ unitId: num(r.unit_id), name: r.name, count: num(r.n) })),
    satisfaction: satisfaction.map((r) => ({
      month: r.month,
      calledBack: num(r.called),
      rate: num(r.called) > 0 ? num(r.satisfied) / num(r.called) : null,
    })),
    places: places.map((r) => ({
      regionId: num(r.id),
      name: r.name,
      townshipId: r.township_id === null ? null : num(r.township_id),
      township: r.township,
      count: num(r.n),
    })),
    overdue: num(late?.n ?? 0),
    month: { registered: num(month.total), closed: num(month.closed) },
  };
}
