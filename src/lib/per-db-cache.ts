/**
 * A value loaded from the database and kept for a few seconds, per database handle. For data
 * that every request reads and admins change a few times a year (calendar, rules, regions,
 * categories). An edit in this process drops it at once (`invalidate`); another process sharing
 * the database sees the edit within `ttlMs`.
 */
export function perDbCache<T>(load: (db: never) => Promise<T>, ttlMs = 5_000) {
  const entries = new WeakMap<object, { at: number; value: Promise<T> }>();
  return {
    get<D extends object>(db: D, key: object = db): Promise<T> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load(db as never);
      entries.set(key, { at: Date.now(), value });
      value.catch(() => entries.delete(key));
      return value;
    },
    invalidate(key: object): void {
      entries.delete(key);
    },
  };
}
