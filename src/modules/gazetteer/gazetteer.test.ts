// The gazetteer's pure parts, as tables: geometry checks, placing by coordinates and words, the
// boundary validator's report, the place sheet's rows, and places learned from staff-placed addresses.
import { describe, expect, it } from 'vitest';
import { geometryHolds, geometryProblem, overlapShare, type Polygon } from './geometry.js';
import { mineCandidates, placeNamesIn } from './mine.js';
import { readPlaceRows } from './place-rows.js';
import { type GazetteerRegion, Placer } from './placer.js';
import { validateBoundaries } from './validate-boundaries.js';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
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

// 区 → 街道 A (two communities side by side) and 镇 B (one village).
const tree: GazetteerRegion[] = [
  { id: 1, parentId: null, level: 'district', name: '测试区', path: '/1/' },
  { id: 2, parentId: 1, level: 'township', name: '昌元街道', path: '/1/2/' },
  { id: 3, parentId: 1, level: 'township', name: '河包镇', path: '/1/3/' },
  { id: 4, parentId: 2, level: 'community', name: '宝城社区', path: '/1/2/4/' },
  { id: 5, parentId: 2, level: 'community', name: '玉屏社区', path: '/1/2/5/' },
  { id: 6, parentId: 3, level: 'community', name: '河坝村', path: '/1/3/6/' },
];
const shapes = [
  { regionId: 1, geometry: box(105, 29, 105.4, 29.2) },
  { regionId: 2, geometry: box(105, 29, 105.2, 29.2) },
  { regionId: 3, geometry: box(105.2, 29, 105.4, 29.2) },
  { regionId: 4, geometry: box(105, 29, 105.1, 29.2) },
  { regionId: 5, geometry: box(105.1, 29, 105.2, 29.2) },
  { regionId: 6, geometry: box(105.2, 29, 105.4, 29.2) },
];
const places = [
  { name: '滨河路', regionId: 4 },
  { name: '丽发新城', regionId: 5 },
  // A road through both communities of 昌元街道 places at the township.
  { name: '昌州大道', regionId: 4 },
  { name: '昌州大道', regionId: 5 },
  { name: '河坝小学', regionId: 6 },
];
const placer = new Placer(new Map(tree.map((r) => [r.id, r])), shapes, places);

describe('geometry', () => {
  it('holds a point inside, not outside, and not inside a hole', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 10, 10).coordinates[0], box(4, 4, 6, 6).coordinates[0]] };
    expect(geometryHolds(withHole, 1, 1)).toBe(true);
    expect(geometryHolds(withHole, 5, 5)).toBe(false);
    expect(geometryHolds(withHole, 11, 5)).toBe(false);
  });

  it.each([
    [box(0, 0, 1, 1), null],
    [{ type: 'Point', coordinates: [1, 2] }, /Polygon 或 MultiPolygon/],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      /未闭合/,
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      /至少需要 4 个点/,
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [200, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      /超出经纬度范围/,
    ],
    [null, /缺少几何图形/],
  ])('geometryProblem(%j)', (g, expected) => {
    const problem = geometryProblem(g);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('measures overlap: none beside, half when half covered', () => {
    expect(overlapShare(box(0, 0, 1, 1), box(1, 0, 2, 1))).toBeLessThan(0.03);
    expect(overlapShare(box(0, 0, 1, 1), box(0.5, 0, 1.5, 1))).toBeCloseTo(0.5, 1);
  });
});

describe('placing', () => {
  it.each([
    [29.1, 105.05, 4],
    [29.1, 105.15, 5],
    [29.1, 105.3, 6],
  ])('coordinates (%f, %f) fall in region %i, the deepest boundary holding them', (lat, lon, id) => {
    expect(placer.atCoordinates(lat, lon)).toEqual({ regionId: id, by: 'coordinates', match: null });
  });

  it('finds nothing outside the district', () => {
    expect(placer.atCoordinates(30, 105.05)).toBeNull();
  });

  it.each([
    ['滨河路12号', 4, '滨河路'],
    // A longer township name said first does not hide the place inside it.
    ['昌元街道滨河路12号', 4, '滨河路'],
    // The longest name said wins: the community over the road.
    ['滨河路玉屏社区段', 5, '玉屏社区'],
    ['丽发新城3栋门口', 5, '丽发新城'],
    ['昌州大道中段', 2, '昌州大道'],
    ['河包镇河坝小学旁', 6, '河坝小学'],
    ['河包镇场口', 3, '河包镇'],
  ])('words %s place in region %i by %s', (text, id, match) => {
    expect(placer.inWords(text)).toEqual({ regionId: id, by: 'words', match });
  });

  it('says nothing of words that name no place, nor of the district’s own name', () => {
    expect(placer.inWords('噪音太大了')).toBeNull();
    expect(placer.inWords('测试区')).toBeNull();
  });

  it('prefers coordinates, then the address, then the text', () => {
    expect(placer.place({ latitude: 29.1, longitude: 105.3, address: '滨河路', text: '丽发新城' })?.regionId).toBe(6);
    expect(placer.place({ latitude: 40, longitude: 116, address: '滨河路', text: '丽发新城' })?.regionId).toBe(4);
    expect(placer.place({ address: '门口', text: '丽发新城' })?.regionId).toBe(5);
  });
});

describe('validating a boundary file', () => {
  const regions = tree.map((r) => ({ ...r, code: `C${r.id}` }));
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });

  it('matches by code or name and reports nothing wrong for a good file', () => {
    const r = validateBoundaries(
      fc([feature({ code: 'C4' }, box(105, 29, 105.1, 29.2)), feature({ name: '玉屏社区' }, box(105.1, 29, 105.2, 29.2))]),
      regions,
      new Set([6]),
    );
    expect(r.problems).toEqual([]);
    expect(r.fitting.map((f) => f.regionId)).toEqual([4, 5]);
    expect(r.uncovered).toEqual([]);
  });

  it('names each feature that does not fit, and the communities left without a boundary', () => {
    const r = validateBoundaries(
      fc([
        feature({ code: 'C4' }, box(105, 29, 105.15, 29.2)),
        feature({ code: 'C5' }, box(105.1, 29, 105.2, 29.2)),
        feature({ name: '不存在社区' }, box(0, 0, 1, 1)),
        feature(
          { code: 'C3' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          },
        ),
      ]),
      regions,
      new Set(),
    );
    expect(r.problems).toEqual([
      '第 3 个要素（不存在社区）：找不到编码为“”或名称为“不存在社区”的区域。',
      '第 4 个要素（C3）：边界环未闭合：首点 [0, 0] 与末点 [0, 1] 不同。',
      expect.stringMatching(/^宝城社区 与 玉屏社区 的边界重叠约 \d+%/),
    ]);
    expect(r.uncovered).toEqual(['河坝村']);
  });

  it('refuses what is not a FeatureCollection', () => {
    expect(validateBoundaries({ type: 'Feature' }, regions, new Set()).problems).toEqual([
      '文件不是 GeoJSON 要素集合（FeatureCollection）。',
    ]);
  });
});

describe('a named-place sheet', () => {
  const regions = tree.map((r) => ({ ...r, code: `C${r.id}` }));
  it('reads good rows and names each bad one by its row', () => {
    const r = readPlaceRows(
      [
        { 名称: '滨河路', 类型: '道路', 社区: '宝城社区' },
        { 名称: '丽发新城', 类型: '小区', 社区: 'C5' },
        { 名称: '河坝小学', 类型: '', 社区: '河坝村' },
        { 名称: '某某', 类型: '道路', 社区: '无此社区' },
        { 名称: '桥', 类型: '地标', 社区: '宝城社区' },
        { 名称: '集市', 类型: '地标', 社区: '河包镇' },
        { 名称: '东门', 类型: '城门', 社区: '宝城社区' },
      ],
      regions,
    );
    expect(r.places).toEqual([
      { name: '滨河路', kind: 'road', regionId: 4 },
      { name: '丽发新城', kind: 'compound', regionId: 5 },
      { name: '河坝小学', kind: 'landmark', regionId: 6 },
    ]);
    expect(r.problems).toEqual([
      '第 5 行：社区“无此社区”不存在。',
      '第 6 行：名称须为 2 至 50 个字。',
      '第 7 行：“河包镇”不是社区（村）或网格。',
      '第 8 行：类型“城门”无法识别，请填 道路、小区 或 地标。',
    ]);
  });

  it('asks for the header when it is missing', () => {
    expect(readPlaceRows([{ name: 'x' }], regions).problems[0]).toMatch(/表头/);
  });
});

describe('learning places from history', () => {
  const names = tree.map((r) => r.name);
  it('cuts region names out and keeps what ends as a place does', () => {
    expect(placeNamesIn('昌元街道宝城社区滨河路12号', names)).toEqual([{ name: '滨河路', kind: 'road' }]);
    expect(placeNamesIn('丽发新城3栋门口', names)).toEqual([{ name: '丽发新城', kind: 'compound' }]);
    expect(placeNamesIn('家门口', names)).toEqual([]);
  });

  it('proposes a name said twice in one community, not one said once nor one shared between communities', () => {
    const got = mineCandidates(
      [
        { address: '滨河路12号', regionId: 4 },
        { address: '滨河路3号', regionId: 4 },
        { address: '幸福路1号', regionId: 4 },
        { address: '昌州大道1号', regionId: 4 },
        { address: '昌州大道9号', regionId: 5 },
        { address: '昌州大道7号', regionId: 5 },
      ],
      names,
    );
    expect(got).toEqual([{ name: '滨河路', kind: 'road', regionId: 4, evidence: 2 }]);
  });
});
