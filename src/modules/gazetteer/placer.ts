import { type Box, boxOf, type Geometry, geometryHolds, inBox } from './geometry.js';

export type GazetteerRegion = { id: number; parentId: number | null; level: string; name: string; path: string };
export type Placement = { regionId: number; by: 'coordinates' | 'words'; match: string | null };

type Area = { regionId: number; depth: number; box: Box; geometry: Geometry };
type Name = { name: string; regionId: number };

/** The depth of a region in the tree (district 1, township 2, community 3, grid 4). */
const depthOf = (path: string) => path.split('/').filter(Boolean).length;

/**
 * The district's places, held in memory: boundaries with their boxes for coordinates, and every
 * name (named places and the regions' own names) bucketed by first character for words. Built once
 * per cache period; placing a demand then costs microseconds, not a query.
 */
export class Placer {
  private readonly areas: Area[];
  private readonly byFirst = new Map<string, Name[]>();

  constructor(
    readonly regions: Map<number, GazetteerRegion>,
    boundaries: { regionId: number; geometry: Geometry }[],
    places: { name: string; regionId: number }[],
  ) {
    this.areas = boundaries
      .filter((b) => regions.has(b.regionId))
      .map((b) => ({ ...b, depth: depthOf(regions.get(b.regionId)!.path), box: boxOf(b.geometry) }))
      // Deepest first: a grid inside a community answers before the community, the community before its township.
      .sort((a, b) => b.depth - a.depth);
    // A name used in several regions (a road through three communities) places at what they share.
    const names = new Map<string, number>();
    const add = (name: string, regionId: number) => {
      const key = name.normalize('NFKC').trim();
      if (key.length < 2) return;
      const seen = names.get(key);
      names.set(key, seen === undefined ? regionId : this.sharedAncestor(seen, regionId));
    };
    for (const r of regions.values()) if (r.parentId !== null) add(r.name, r.id);
    for (const p of places) if (regions.has(p.regionId)) add(p.name, p.regionId);
    for (const [name, regionId] of names) {
      const bucket = this.byFirst.get(name[0]) ?? [];
      bucket.push({ name, regionId });
      this.byFirst.set(name[0], bucket);
    }
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.name.length - a.name.length);
  }

  get hasBoundaries() {
    return this.areas.length > 0;
  }

  /** The deepest region whose boundary holds the point, or null outside every boundary. */
  atCoordinates(latitude: number, longitude: number): Placement | null {
    for (const a of this.areas) {
      if (inBox(a.box, longitude, latitude) && geometryHolds(a.geometry, longitude, latitude)) {
        return { regionId: a.regionId, by: 'coordinates', match: null };
      }
    }
    return null;
  }

  /**
   * The region the words name: at each position the longest name starting there; of those found, the most
   * specific place (deepest in the tree: 金色家园 over the 桂花坪街道 before it), then the longest.
   */
  inWords(text: string): Placement | null {
    const said = text.normalize('NFKC');
    let best: (Name & { depth: number }) | null = null;
    for (let i = 0; i < said.length; i++) {
      const bucket = this.byFirst.get(said[i]);
      if (!bucket) continue;
      const hit = bucket.find((n) => said.startsWith(n.name, i));
      if (!hit) continue;
      const depth = depthOf(this.regions.get(hit.regionId)?.path ?? '');
      if (!best || depth > best.depth || (depth === best.depth && hit.name.length > best.name.length)) best = { ...hit, depth };
      i += hit.name.length - 1;
    }
    return best ? { regionId: best.regionId, by: 'words', match: best.name } : null;
  }

  /** Coordinates first (they are measured), then the address, then the rest of what was said. */
  place(input: { latitude?: number | null; longitude?: number | null; address?: string | null; text?: string | null }): Placement | null {
    if (input.latitude != null && input.longitude != null) {
      const hit = this.atCoordinates(input.latitude, input.longitude);
      if (hit) return hit;
    }
    return (input.address ? this.inWords(input.address) : null) ?? (input.text ? this.inWords(input.text) : null);
  }

  /** Whether `inner` lies within (or is) `outer`. */
  within(inner: number, outer: number): boolean {
    const i = this.regions.get(inner);
    const o = this.regions.get(outer);
    return !!i && !!o && i.path.startsWith(o.path);
  }

  private sharedAncestor(a: number, b: number): number {
    const pa = this.regions.get(a)?.path.split('/').filter(Boolean) ?? [];
    const pb = this.regions.get(b)?.path.split('/').filter(Boolean) ?? [];
    let k = 0;
    while (k < pa.length && k < pb.length && pa[k] === pb[k]) k++;
    return k > 0 ? Number(pa[k - 1]) : a;
  }
}
