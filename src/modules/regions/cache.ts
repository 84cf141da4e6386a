import type { Db, Tx } from '../../db/client.js';
import { perDbCache } from '../../lib/per-db-cache.js';
import { everyCategory } from '../categories/index.js';
import { regionTree } from './read.js';

type RegionRef = { id: number; name: string; path: string };
type CategoryRef = { id: number; fullName: string; path: string; utility: boolean };

// Intake checks the region and category of every demand; both trees change rarely.
const refs = perDbCache(async (db: Db | Tx) => {
  const [r, c] = await Promise.all([regionTree(db), everyCategory(db)]);
  return {
    regions: new Map<number, RegionRef>(r.map((x) => [x.id, x])),
    categories: new Map<number, CategoryRef>(c.map((x) => [x.id, x])),
  };
});

/** A region or category by id; an id the cache does not know yet triggers one reload. */
async function lookup<K extends 'regions' | 'categories'>(db: Db | Tx, cacheKey: object, kind: K, id: number) {
  let hit = (await refs.get(db, cacheKey))[kind].get(id);
  if (!hit) {
    refs.invalidate(cacheKey);
    hit = (await refs.get(db, cacheKey))[kind].get(id);
  }
  return (hit ?? null) as (K extends 'regions' ? RegionRef : CategoryRef) | null;
}

export const cachedRegion = (db: Db | Tx, cacheKey: object, id: number) => lookup(db, cacheKey, 'regions', id);
export const cachedCategory = (db: Db | Tx, cacheKey: object, id: number) => lookup(db, cacheKey, 'categories', id);
export const invalidateReferenceCache = (cacheKey: object) => refs.invalidate(cacheKey);
