// The gazetteer's public face: other modules import only this file.
export { cachedPlacer, invalidatePlacer } from './cache.js';
export type { Geometry } from './geometry.js';
export { type PlaceInput, placeDemand, suggestPlace } from './place-demand.js';
export type { Placement } from './placer.js';
export { gazetteerRoutes } from './routes.js';
export { seedGazetteer } from './seed.js';
