import type { Db, Tx } from '../../db/client.js';
import type { TimeLimitRule, WorkCalendar } from './deadlines.js';
import { loadCalendar, loadTimeLimitRules } from './store.js';

type Entry = { at: number; value: Promise<{ calendar: WorkCalendar; rules: TimeLimitRule[] }> };

// Every action computes deadlines; the calendar and rules change a few times a year. A short
// per-process cache (dropped at once on an edit here) saves two queries per intake; another
// server process sharing the database sees an edit within `ttlMs`.
const ttlMs = 5_000;
const cache = new WeakMap<object, Entry>();

export function deadlineInputs(db: Db | Tx, cacheKey: object) {
  const hit = cache.get(cacheKey);
  if (hit && Date.now() - hit.at < ttlMs) return hit.value;
  const value = Promise.all([loadCalendar(db), loadTimeLimitRules(db)]).then(([calendar, rules]) => ({ calendar, rules }));
  cache.set(cacheKey, { at: Date.now(), value });
  value.catch(() => cache.delete(cacheKey));
  return value;
}

export function invalidateDeadlineInputs(cacheKey: object): void {
  cache.delete(cacheKey);
}
