import type { Db, Tx } from '../../db/client.js';
import { cachedPlacer } from './cache.js';
import type { Placement } from './placer.js';

export type PlaceInput = {
  /** The region the caller gave: a person's pick, an integrator's area, the district for a text. */
  regionId: number;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  /** Title and content: words a resident said about where. */
  text?: string | null;
};

/** Levels a person picks when they know the place: placing never overrides them. */
const precise = new Set(['community', 'grid']);

/**
 * Where a demand belongs, for every channel at intake (called inside registerDemand). A region a
 * person chose at community level or below stands; a coarser one (a township, the district, an
 * integrator's area) is narrowed to the community the coordinates or the words place it in — but
 * only inside what was chosen, so a placement never moves a demand out of a person's choice.
 */
export async function placeDemand(db: Db | Tx, cacheKey: object, input: PlaceInput): Promise<Placement | null> {
  const placer = await cachedPlacer(db, cacheKey);
  const chosen = placer.regions.get(input.regionId);
  if (!chosen || precise.has(chosen.level)) return null;
  const found = placer.place(input);
  if (!found || found.regionId === chosen.id || !placer.within(found.regionId, chosen.id)) return null;
  return found;
}

/** For a form: where the coordinates or words place a demand, whatever region is picked (a suggestion to accept). */
export async function suggestPlace(
  db: Db | Tx,
  cacheKey: object,
  input: Omit<PlaceInput, 'regionId'>,
): Promise<(Placement & { regionName: string; regionPath: string }) | null> {
  const placer = await cachedPlacer(db, cacheKey);
  const found = placer.place(input);
  const region = found && placer.regions.get(found.regionId);
  if (!found || !region || region.parentId === null) return null;
  return { ...found, regionName: region.name, regionPath: region.path };
}
