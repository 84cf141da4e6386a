// npm run bench:place — placing demands against a generated district of 300 communities (irregular
// boundaries sharing their edges) and 5,000 named places: 100,000 coordinates and 100,000 address
// strings, through the same in-memory placer intake uses. Writes bench/results/place.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Geometry, Position } from '../src/modules/gazetteer/geometry.js';
import { type GazetteerRegion, Placer } from '../src/modules/gazetteer/placer.js';

// A seeded generator: the same district every run.
let seed = 20261207;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

const cols = 20;
const rows = 15;
const k = 6; // lattice points per cell edge: each community has 4·6 = 24 vertices
const [x0, y0, cell] = [105.2, 29.3, 0.02];
// A jittered lattice: neighbouring cells walk the same points, so boundaries meet without gaps or overlaps.
const lattice: Position[][] = [];
for (let i = 0; i <= cols * k; i++) {
  lattice[i] = [];
  for (let j = 0; j <= rows * k; j++) {
    const edge = i === 0 || j === 0 || i === cols * k || j === rows * k;
    const jitter = edge ? 0 : (cell / k) * 0.35;
    lattice[i][j] = [x0 + (i * cell) / k + (rand() - 0.5) * jitter, y0 + (j * cell) / k + (rand() - 0.5) * jitter];
  }
}
const cellRing = (ci: number, cj: number): Position[] => {
  const ring: Position[] = [];
  const [a, b] = [ci * k, cj * k];
  for (let s = 0; s < k; s++) ring.push(lattice[a + s][b]);
  for (let s = 0; s < k; s++) ring.push(lattice[a + k][b + s]);
  for (let s = k; s > 0; s--) ring.push(lattice[a + s][b + k]);
  for (let s = k; s > 0; s--) ring.push(lattice[a][b + s]);
  ring.push(ring[0]);
  return ring;
};

const regions = new Map<number, GazetteerRegion>();
const boundaries: { regionId: number; geometry: Geometry }[] = [];
regions.set(1, { id: 1, parentId: null, level: 'district', name: '荣昌区', path: '/1/' });
const syllables = '昌元宝城玉屏河包双河盘龙清流峰高仁义吴家古昌万灵荣隆龙集直升安富广顺远觉清江永兴新华桂花丽发金鹅石盘'.split('');
const word = (n: number) => Array.from({ length: n }, () => pick(syllables)).join('');
let id = 2;
const communities: GazetteerRegion[] = [];
// 15 townships, each a row of the grid: 20 communities apiece.
for (let j = 0; j < rows; j++) {
  const town = { id: id++, parentId: 1, level: 'township', name: `${word(2)}${j}街道`, path: '' };
  town.path = `/1/${town.id}/`;
  regions.set(town.id, town);
  for (let i = 0; i < cols; i++) {
    const c = { id: id++, parentId: town.id, level: 'community', name: `${word(2)}${i}社区`, path: '' };
    c.path = `${town.path}${c.id}/`;
    regions.set(c.id, c);
    communities.push(c);
    boundaries.push({ regionId: c.id, geometry: { type: 'Polygon', coordinates: [cellRing(i, j)] } });
  }
}
const suffixes = ['路', '街', '巷', '小区', '花园', '新城', '广场', '市场', '小学', '医院'];
const places = Array.from({ length: 5000 }, (_, n) => ({ name: `${word(2)}${n}${pick(suffixes)}`, regionId: pick(communities).id }));

const t0 = performance.now();
const placer = new Placer(regions, boundaries, places);
const buildMs = performance.now() - t0;

const n = 100_000;
const points = Array.from({ length: n }, () => ({
  latitude: y0 + rand() * rows * cell * 1.02 - 0.001,
  longitude: x0 + rand() * cols * cell * 1.02 - 0.001,
}));
const fillers = [
  '门口路灯不亮已经三天了',
  '垃圾无人清运，气味很大',
  '井盖缺失，晚上很危险',
  '噪音扰民，夜里睡不着觉',
  '下水道堵塞污水外溢',
];
const addresses = Array.from({ length: n }, (_, m) => {
  const p = pick(places);
  const c = regions.get(p.regionId)!;
  const town = regions.get(c.parentId!)!;
  // Most name a place with its township; some name only the community; one in ten names nothing we know.
  if (m % 10 === 0) return `家附近${pick(fillers)}`;
  if (m % 10 === 1) return `${c.name}${pick(fillers)}`;
  return `${town.name}${p.name}${1 + (m % 99)}号${pick(fillers)}`;
});

const time = (label: string, inputs: unknown[], f: (x: never) => unknown) => {
  for (let i = 0; i < 2000; i++) f(inputs[i] as never); // warm-up
  let placed = 0;
  const start = performance.now();
  for (const x of inputs) if (f(x as never)) placed++;
  const ms = performance.now() - start;
  const perDemandUs = (ms * 1000) / inputs.length;
  console.log(`${label.padEnd(12)} ${inputs.length} in ${ms.toFixed(0)} ms — ${perDemandUs.toFixed(2)} µs a demand, ${placed} placed`);
  return { count: inputs.length, totalMs: Math.round(ms), perDemandMicroseconds: Number(perDemandUs.toFixed(2)), placed };
};

console.log(`district: ${communities.length} communities, ${places.length} named places; index built in ${buildMs.toFixed(1)} ms`);
const coordinates = time('coordinates', points, (p: { latitude: number; longitude: number }) =>
  placer.atCoordinates(p.latitude, p.longitude),
);
const words = time('addresses', addresses, (a: string) => placer.inWords(a));
const result = {
  bench: 'place',
  at: new Date().toISOString(),
  node: process.version,
  district: { communities: communities.length, verticesPerCommunity: 4 * k, namedPlaces: places.length },
  buildMs: Number(buildMs.toFixed(1)),
  coordinates,
  addresses: words,
  budgetMicroseconds: 5000,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/place.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
