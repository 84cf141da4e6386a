import type { Geometry } from '../modules/gazetteer/index.js';
import { townships } from './district.js';

// 示意边界: the demo's townships as a 7 × 3 grid of blocks near 荣昌 (about 105.3°E, 29.4°N), each
// block cut into strips for its communities. Honest about what it is: a schematic, not a survey —
// the map labels it so.
const [west, south] = [105.28, 29.28];
const [townWidth, townHeight] = [0.07, 0.12];
const perRow = 7;

type Box = [number, number, number, number];

export function townshipBox(t: number): Box {
  const [col, row] = [t % perRow, Math.floor(t / perRow)];
  const x = west + col * townWidth;
  const y = south + row * townHeight;
  return [x, y, x + townWidth, y + townHeight];
}

export function communityBox(t: number, c: number): Box {
  const [x0, y0, x1, y1] = townshipBox(t);
  const n = townships[t].communities.length;
  const w = (x1 - x0) / n;
  return [x0 + c * w, y0, x0 + (c + 1) * w, y1];
}

const polygon = ([x0, y0, x1, y1]: Box): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/** Every boundary of the demo district, by region code as the loader numbers them. */
export function schematicBoundaries(districtCode: string): { code: string; geometry: Geometry }[] {
  const rowsUsed = Math.ceil(townships.length / perRow);
  const out = [{ code: districtCode, geometry: polygon([west, south, west + perRow * townWidth, south + rowsUsed * townHeight]) }];
  for (const [t, town] of townships.entries()) {
    const townCode = `${districtCode}${String(t + 1).padStart(3, '0')}`;
    out.push({ code: townCode, geometry: polygon(townshipBox(t)) });
    for (const c of town.communities.keys())
      out.push({ code: `${townCode}${String(c + 1).padStart(3, '0')}`, geometry: polygon(communityBox(t, c)) });
  }
  return out;
}

/**
 * A point well inside a community's schematic strip for the n-th demand, spread by the golden ratio
 * rather than drawn from the demo's random stream (which would shift every demand's fate after it).
 */
export function pointIn(t: number, c: number, n: number): { latitude: number; longitude: number } {
  const [x0, y0, x1, y1] = communityBox(t, c);
  const [u, v] = [(n * 0.618_034) % 1, (n * 0.754_878) % 1];
  return { longitude: x0 + (0.15 + 0.7 * u) * (x1 - x0), latitude: y0 + (0.15 + 0.7 * v) * (y1 - y0) };
}

/** A few named places of the demo, in the communities the demo's texts speak of. */
export const demoPlaces: { name: string; kind: 'road' | 'compound' | 'landmark'; township: number; community: number }[] = [
  { name: '滨河路', kind: 'road', township: 0, community: 0 },
  { name: '丽发新城', kind: 'compound', township: 0, community: 1 },
  { name: '万达广场', kind: 'landmark', township: 1, community: 0 },
  { name: '海棠公园', kind: 'landmark', township: 1, community: 2 },
  { name: '邮亭老街', kind: 'road', township: 3, community: 1 },
];
