import { sql } from 'drizzle-orm';
import type { ActionContext } from './action.js';

/**
 * What every process keeps in memory for a few seconds, each named for the notice that drops it:
 * the signed-in callers, the region and category trees, the calendar and deadline rules.
 */
export const cacheNames = ['callers', 'references', 'deadlines'] as const;
export type CacheName = (typeof cacheNames)[number];

/** The PostgreSQL channel the notices travel on (LISTEN/NOTIFY). */
export const cacheChannel = 'tingjian_cache';

/**
 * Inside an action: once its transaction commits, every process on the database (this one too)
 * drops that cache. NOTIFY is transactional: a refused action tells no one.
 */
export async function announceChange(a: ActionContext, cache: CacheName): Promise<void> {
  await a.tx.execute(sql`select pg_notify(${cacheChannel}, ${cache})`);
}

// Keyed by the database handle a process's caches are kept for (tests run several in one process).
const droppers = new WeakMap<object, Map<CacheName, Set<() => void>>>();

/** A cache kept for this database handle registers how it is dropped. */
export function onCacheNotice(db: object, cache: CacheName, drop: () => void): void {
  const byName = droppers.get(db) ?? new Map<CacheName, Set<() => void>>();
  droppers.set(db, byName);
  const set = byName.get(cache) ?? new Set<() => void>();
  byName.set(cache, set);
  set.add(drop);
}

/** A notice arrived for this database handle: the caches it names are dropped. Unknown names are ignored. */
export function deliverCacheNotice(db: object, payload: string | undefined): void {
  for (const drop of droppers.get(db)?.get(payload as CacheName) ?? []) drop();
}
