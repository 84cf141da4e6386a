import type { World } from './world.js';

type Box = [number, number, number, number];
const ring = ([x0, y0, x1, y1]: Box) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

/** The test district's boundaries: 桂花坪街道 west (丽发新城社区, 桂花社区 side by side), 丽发镇 east (河坝村). */
export const testBoxes = (w: World): [string, Box][] => [
  [w.district.code, [105, 29, 105.4, 29.2]],
  [w.t1.code, [105, 29, 105.2, 29.2]],
  [w.t2.code, [105.2, 29, 105.4, 29.2]],
  [w.c1.code, [105, 29, 105.1, 29.2]],
  [w.c2.code, [105.1, 29, 105.2, 29.2]],
  [w.c3.code, [105.2, 29, 105.4, 29.2]],
];

export const boundaryFile = (w: World) => ({
  type: 'FeatureCollection',
  features: testBoxes(w).map(([code, b]) => ({
    type: 'Feature',
    properties: { code },
    geometry: { type: 'Polygon', coordinates: ring(b) },
  })),
});

/** A point inside each community. */
export const inside = {
  c1: { latitude: 29.1, longitude: 105.05 },
  c2: { latitude: 29.1, longitude: 105.15 },
  c3: { latitude: 29.1, longitude: 105.3 },
};

export const placeSheet = ['名称,类型,社区', '金色家园,小区,D1a', '滨河路,道路,桂花社区', '河坝小学,地标,河坝村'].join('\n');
