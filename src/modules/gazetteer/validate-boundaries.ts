import { boxesMeet, boxOf, type Geometry, geometryProblem, overlapShare } from './geometry.js';

export type BoundaryRegion = { id: number; level: string; name: string; code: string; parentId: number | null };
export type Feature = { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };
export type BoundaryReport = {
  /** Features that fit, by region. */
  fitting: { regionId: number; geometry: Geometry }[];
  /** What does not fit, one Chinese sentence each, naming the feature. */
  problems: string[];
  /** Communities left without any boundary (a warning: their demands are placed by words only). */
  uncovered: string[];
};

/** Two neighbours may share an edge drawn a little differently; more than this share of area is an overlap. */
export const overlapTolerance = 0.02;

const label = (f: Feature, i: number) => {
  const p = f.properties ?? {};
  const name = typeof p.name === 'string' ? p.name : typeof p.code === 'string' ? p.code : '';
  return `第 ${i + 1} 个要素${name ? `（${name}）` : ''}`;
};

/**
 * Reads a GeoJSON FeatureCollection against the region tree: each feature matched to a region by its
 * `code` (or `name`, when unique), its geometry checked (polygons, closed rings), siblings checked for
 * overlap, and every community checked for a boundary (here or already stored).
 */
export function validateBoundaries(collection: unknown, regions: BoundaryRegion[], alreadyBounded: Set<number>): BoundaryReport {
  const problems: string[] = [];
  const fitting: BoundaryReport['fitting'] = [];
  const features = (collection as { type?: unknown; features?: unknown })?.features;
  if ((collection as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    return { fitting, problems: ['文件不是 GeoJSON 要素集合（FeatureCollection）。'], uncovered: [] };
  }
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, BoundaryRegion[]>();
  for (const r of regions) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const taken = new Map<number, string>();
  for (const [i, f] of (features as Feature[]).entries()) {
    const p = f?.properties ?? {};
    const code = p.code == null ? '' : String(p.code).trim();
    const name = p.name == null ? '' : String(p.name).trim();
    const sameName = byName.get(name) ?? [];
    const region = byCode.get(code) ?? (sameName.length === 1 ? sameName[0] : undefined);
    if (!region) {
      problems.push(
        sameName.length > 1
          ? `${label(f, i)}：名称“${name}”对应多个区域，请在 properties 中写明区域编码 code。`
          : `${label(f, i)}：找不到编码为“${code}”或名称为“${name}”的区域。`,
      );
      continue;
    }
    const bad = geometryProblem(f.geometry);
    if (bad) {
      problems.push(`${label(f, i)}：${bad}。`);
      continue;
    }
    if (taken.has(region.id)) {
      problems.push(`${label(f, i)}：${region.name} 的边界在${taken.get(region.id)}已给出。`);
      continue;
    }
    taken.set(region.id, label(f, i));
    fitting.push({ regionId: region.id, geometry: f.geometry as Geometry });
  }
  const byId = new Map(regions.map((r) => [r.id, r]));
  const boxes = fitting.map((f) => boxOf(f.geometry));
  for (let i = 0; i < fitting.length; i++)
    for (let j = i + 1; j < fitting.length; j++) {
      const [a, b] = [byId.get(fitting[i].regionId)!, byId.get(fitting[j].regionId)!];
      if (a.level !== b.level || !boxesMeet(boxes[i], boxes[j])) continue;
      const share = Math.max(
        overlapShare(fitting[i].geometry, fitting[j].geometry),
        overlapShare(fitting[j].geometry, fitting[i].geometry),
      );
      if (share > overlapTolerance)
        problems.push(
          `${a.name} 与 ${b.name} 的边界重叠约 ${Math.round(share * 100)}%（允许 ${overlapTolerance * 100}%），请修正其中一条。`,
        );
    }
  const bounded = new Set([...alreadyBounded, ...fitting.map((f) => f.regionId)]);
  const uncovered = regions.filter((r) => r.level === 'community' && !bounded.has(r.id)).map((r) => r.name);
  return { fitting, problems, uncovered };
}
