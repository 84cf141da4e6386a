import type { Db, Tx } from '../../db/client.js';
import { regionIdsByCode } from '../regions/index.js';
import type { Geometry } from './geometry.js';
import { namedPlaces, type PlaceKind, regionBoundaries } from './tables.js';

/**
 * For a demo or a first start: boundaries by region code (marked schematic) and named places by their
 * community's code, written as given. An admin's import goes through importBoundaries/importPlaces instead.
 */
export async function seedGazetteer(
  db: Db | Tx,
  input: { boundaries: { code: string; geometry: Geometry }[]; places: { name: string; kind: PlaceKind; code: string }[]; at: Date },
) {
  const codes = [...input.boundaries.map((b) => b.code), ...input.places.map((p) => p.code)];
  const found = await regionIdsByCode(db, codes);
  const idOf = new Map(found.map((r) => [r.code, r.id]));
  const bounded = input.boundaries.filter((b) => idOf.has(b.code));
  if (bounded.length)
    await db
      .insert(regionBoundaries)
      .values(
        bounded.map((b) => ({ regionId: idOf.get(b.code)!, geometry: b.geometry, quality: 'schematic' as const, importedAt: input.at })),
      )
      .onConflictDoNothing();
  const placed = input.places.filter((p) => idOf.has(p.code));
  if (placed.length)
    await db
      .insert(namedPlaces)
      .values(
        placed.map((p) => ({
          name: p.name,
          kind: p.kind,
          regionId: idOf.get(p.code)!,
          state: 'confirmed' as const,
          source: 'import' as const,
          createdAt: input.at,
        })),
      )
      .onConflictDoNothing();
}
