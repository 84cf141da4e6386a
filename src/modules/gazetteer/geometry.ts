/** GeoJSON as the gazetteer keeps it: positions are [longitude, latitude]. */
export type Position = [number, number];
export type Ring = Position[];
export type Polygon = { type: 'Polygon'; coordinates: Ring[] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Ring[][] };
export type Geometry = Polygon | MultiPolygon;
export type Box = { minX: number; minY: number; maxX: number; maxY: number };

/** The polygons of a geometry, each as its rings (outer first, then holes). */
export const polygonsOf = (g: Geometry): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

export function boxOf(g: Geometry): Box {
  const b = {
    minX: Number.POSITIVE_INFINITY,
    minY: Number.POSITIVE_INFINITY,
    maxX: Number.NEGATIVE_INFINITY,
    maxY: Number.NEGATIVE_INFINITY,
  };
  for (const poly of polygonsOf(g))
    for (const [x, y] of poly[0] ?? []) {
      if (x < b.minX) b.minX = x;
      if (x > b.maxX) b.maxX = x;
      if (y < b.minY) b.minY = y;
      if (y > b.maxY) b.maxY = y;
    }
  return b;
}

export const inBox = (b: Box, x: number, y: number) => x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY;
export const boxesMeet = (a: Box, b: Box) => a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

/** Even-odd ray cast over every ring, so holes fall out; a point on an edge may go either way. */
export function ringsHold(rings: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export const geometryHolds = (g: Geometry, x: number, y: number) => polygonsOf(g).some((rings) => ringsHold(rings, x, y));

/** Shoelace area of a ring, in squared degrees (only compared with other areas of the same district). */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(s / 2);
}

export const geometryArea = (g: Geometry) =>
  polygonsOf(g).reduce((sum, rings) => sum + ringArea(rings[0] ?? []) - rings.slice(1).reduce((h, r) => h + ringArea(r), 0), 0);

/** Why a geometry cannot be a boundary (in Chinese, for the import report), or null when it can. */
export function geometryProblem(g: unknown): string | null {
  if (!g || typeof g !== 'object') return '缺少几何图形（geometry）';
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `几何类型须为 Polygon 或 MultiPolygon，收到的是 ${String(type)}`;
  const polys = (type === 'Polygon' ? [coordinates] : coordinates) as unknown;
  if (!Array.isArray(polys) || polys.length === 0) return '坐标为空';
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) return '多边形没有边界环';
    for (const ring of poly) {
      if (!Array.isArray(ring) || ring.length < 4) return '边界环至少需要 4 个点（首尾相同）';
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return '坐标须为 [经度, 纬度] 数字对';
        if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return `坐标 [${p[0]}, ${p[1]}] 超出经纬度范围`;
      }
      const [a, z] = [ring[0], ring.at(-1)];
      if (a[0] !== z[0] || a[1] !== z[1]) return `边界环未闭合：首点 [${a[0]}, ${a[1]}] 与末点 [${z[0]}, ${z[1]}] 不同`;
    }
  }
  return null;
}

/**
 * The share of a's area that b covers, estimated on a grid of sample points over the two boxes' overlap
 * (exact clipping is more code than a validation report needs; 40×40 samples see a 1% overlap).
 */
export function overlapShare(a: Geometry, b: Geometry, steps = 40): number {
  const ba = boxOf(a);
  const bb = boxOf(b);
  if (!boxesMeet(ba, bb)) return 0;
  const [x0, x1, y0, y1] = [Math.max(ba.minX, bb.minX), Math.min(ba.maxX, bb.maxX), Math.max(ba.minY, bb.minY), Math.min(ba.maxY, bb.maxY)];
  const area = geometryArea(a);
  if (area === 0) return 0;
  const cell = ((x1 - x0) * (y1 - y0)) / (steps * steps);
  let shared = 0;
  for (let i = 0; i < steps; i++)
    for (let j = 0; j < steps; j++) {
      const x = x0 + ((i + 0.5) * (x1 - x0)) / steps;
      const y = y0 + ((j + 0.5) * (y1 - y0)) / steps;
      if (geometryHolds(a, x, y) && geometryHolds(b, x, y)) shared += cell;
    }
  return shared / area;
}
