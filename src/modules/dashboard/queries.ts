import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { type Actor, scopeHolds, scopeOf } from '../../kernel/index.js';
import { addDays, localDay, startOfLocalDay } from '../calendar/index.js';
import {
  callbacksByMonth,
  deskCallbacksByMonth,
  intakeAndClosedSince,
  intakeByChannel,
  intakeByPlace,
  openByState,
  overdueByUnit,
  overdueCount,
} from '../demands/index.js';
import { unitCallbacksByMonth } from '../rates/index.js';
import { countedFigures, regionScope } from './counted.js';

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
  const [units, desk] = await Promise.all([unitCallbacksByMonth(db, localDay(since).slice(0, 7), now), deskCallbacksByMonth(db, since)]);
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
  const [today, open, places, month] = await Promise.all([
    intakeByChannel(db, actor, startOfLocalDay(localDay(now))),
    openByState(db, actor),
    intakeByPlace(db, actor, new Date(now.getTime() - 30 * 86_400_000), 200),
    intakeAndClosedSince(db, actor, monthStart),
  ]);
  return { today, open, places, month };
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
  // Seeing everything, a figure over demands needs no test of each one's scope.
  const who = all ? 'everything' : actor;
  // Independent figures: asked at once (the server's pool runs them side by side).
  const [counted, overdue, satisfaction, late] = await Promise.all([
    paths === null ? countLive(db, actor, now, monthStart) : countedFigures(db, paths, now),
    overdueByUnit(db, who, now, 10),
    all
      ? satisfactionEverywhere(db, sixMonthsAgo, now)
      : handlerUnits
        ? satisfactionOfUnits(db, handlerUnits, sixMonthsAgo, now)
        : callbacksByMonth(db, actor, sixMonthsAgo),
    // Overdue as the list's overdue queue counts it: any open demand past its current step's deadline.
    overdueCount(db, who, now),
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
    overdue: late,
    month: { registered: num(month.total), closed: num(month.closed) },
  };
}
