import type { Db, Tx } from '../../db/client.js';
import { perDbCache } from '../../lib/per-db-cache.js';
import { loadCalendar, loadTimeLimitRules } from './store.js';

// Every action computes deadlines; the calendar and rules change a few times a year.
const inputs = perDbCache(async (db: Db | Tx) => {
  const [calendar, rules] = await Promise.all([loadCalendar(db), loadTimeLimitRules(db)]);
  return { calendar, rules };
});

/** Calendar and rules, read through `db`, cached under `cacheKey` (the app's root handle). */
export const deadlineInputs = (db: Db | Tx, cacheKey: object) => inputs.get(db, cacheKey);
export const invalidateDeadlineInputs = (cacheKey: object) => inputs.invalidate(cacheKey);
