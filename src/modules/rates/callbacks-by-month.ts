import type { Db } from '../../db/client.js';
import { localDay } from '../calendar/index.js';
import { monthDays } from './rates.js';
import { monthCountsByUnit } from './rollups.js';

export type MonthCallbacks = { month: string; calledBack: number; satisfied: number };

/**
 * Every unit's callbacks and satisfied callbacks in each local month, as 三率 counts them (callbacks
 * of dispatched demands): summed from the daily rollups, the days not rolled up counted live. A
 * figure over the whole installation (or some units) for the months from `firstMonth` to now, without
 * reading a callback row.
 */
export function unitCallbacksByMonth(db: Db, firstMonth: string, now: Date, onlyUnits?: number[]): Promise<MonthCallbacks[]> {
  const months: string[] = [];
  for (let m = firstMonth; m <= localDay(now).slice(0, 7); m = monthDays(m).next.slice(0, 7)) months.push(m);
  return Promise.all(
    months.map(async (month) => {
      const { first, next } = monthDays(month);
      const units = (await monthCountsByUnit(db, first, next, now)).filter((u) => !onlyUnits || onlyUnits.includes(u.unitId));
      return {
        month,
        calledBack: units.reduce((n, u) => n + u.calledBack, 0),
        satisfied: units.reduce((n, u) => n + u.satisfied, 0),
      };
    }),
  );
}
