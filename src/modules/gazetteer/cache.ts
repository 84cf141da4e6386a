import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { perDbCache } from '../../lib/per-db-cache.js';
import { regionTree } from '../regions/index.js';
import { Placer } from './placer.js';
import { namedPlaces, regionBoundaries } from './tables.js';

/** Read at every intake; the gazetteer changes when an admin imports, which drops it (notice "references"). */
const placers = perDbCache(async (db: Db | Tx) => {
  const [r, b, p] = await Promise.all([
    regionTree(db),
    db.select({ regionId: regionBoundaries.regionId, geometry: regionBoundaries.geometry }).from(regionBoundaries),
    db.select({ name: namedPlaces.name, regionId: namedPlaces.regionId }).from(namedPlaces).where(eq(namedPlaces.state, 'confirmed')),
  ]);
  return new Placer(new Map(r.map((x) => [x.id, x])), b, p);
}, 30_000);

export const cachedPlacer = (db: Db | Tx, cacheKey: object) => placers.get(db, cacheKey);
export const invalidatePlacer = (cacheKey: object) => placers.invalidate(cacheKey);
