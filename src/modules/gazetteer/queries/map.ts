import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../kernel/index.js';
import { locatedDemands } from '../../demands/index.js';
import { regionOf, regionTree } from '../../regions/index.js';
import { namedPlaces, type PlaceState, regionBoundaries } from '../tables.js';

/** The district's boundaries as one FeatureCollection, for `echarts.registerMap`: no secrets in it. */
export async function boundaryCollection(db: Db) {
  // Ordered by path in SQL, where the tree's order has always been read (the database's collation, not JS's).
  const [bounded, tree] = await Promise.all([
    db
      .select({ id: regionBoundaries.regionId, g: regionBoundaries.geometry, q: regionBoundaries.quality })
      .from(regionBoundaries)
      .orderBy(asc(regionOf(regionBoundaries.regionId).path)),
    regionTree(db),
  ]);
  const regionById = new Map(tree.map((r) => [r.id, r]));
  const rows = bounded.flatMap((b) => {
    const r = regionById.get(b.id);
    return r ? [{ ...b, name: r.name, level: r.level, parentId: r.parentId }] : [];
  });
  return {
    type: 'FeatureCollection' as const,
    schematic: rows.some((r) => r.q === 'schematic'),
    features: rows.map((r) => ({
      type: 'Feature' as const,
      properties: { name: r.name, regionId: r.id, level: r.level, parentId: r.parentId },
      geometry: r.g,
    })),
  };
}

/** Map precision: three decimals (about 100 m) shows where things cluster, not whose door it is. */
const coarse = (v: number) => Math.round(v * 1000) / 1000;

/** Demands with coordinates in the caller's scope, for the map's points or density layer. */
export async function demandPoints(db: Db, actor: Actor, f: { from: Date; to: Date; categoryId?: number; limit: number }) {
  const rows = await locatedDemands(db, actor, f);
  return rows.map((r) => ({ id: r.id, lat: coarse(r.lat!), long: coarse(r.long!), categoryId: r.categoryId, regionId: r.regionId }));
}

export async function listPlaces(db: Db, state: PlaceState, limit: number) {
  return db
    .select({
      id: namedPlaces.id,
      name: namedPlaces.name,
      kind: namedPlaces.kind,
      regionId: namedPlaces.regionId,
      regionName: regionOf(namedPlaces.regionId).name,
      state: namedPlaces.state,
      source: namedPlaces.source,
      evidence: namedPlaces.evidence,
    })
    .from(namedPlaces)
    .where(eq(namedPlaces.state, state))
    .orderBy(desc(namedPlaces.evidence), asc(namedPlaces.name))
    .limit(limit);
}
