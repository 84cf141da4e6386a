import type { Db } from '../../db/client.js';
import { monthDays } from './rates.js';
import { monthCountsByUnit } from './rollups.js';

export type MonthCallbacks = { month: string; calledBack: number; satisfied: number };

/**
 * Every unit's callbacks and satisfied callbacks in each local month, as 三率 counts them (callbacks
 * of dispatched demands): summed from the daily rollups, the days not rolled up counted live. A
 * figure over the whole installation (or some units) for months at a time, without reading a callback row.
 */
export function unitCallbacksByMonth(db: Db, months: string[], now: Date, onlyUnits?: number[]): Promise<MonthCallbacks[]> {
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
