// The regions module's public face: other modules import only this file.
export { cachedCategory, cachedRegion, invalidateReferenceCache } from './cache.js';
export { type NamedRegion, regionNamedIn } from './named-in.js';
export {
  type RegionNode,
  regionIdByCode,
  regionIdsByCode,
  regionIdsUnder,
  regionIdsWhere,
  regionOf,
  regionsAtLevels,
  regionsByIds,
  regionsWithTownship,
  regionTree,
  townshipIdOf,
  unitNameOf,
  unitNames,
  unitsByIds,
  unitsByNames,
} from './read.js';
export { regionRoutes } from './routes.js';
export { createRegion, createUnit, firstResponsibleUnit, getRegion, getUnit, pathIds, unitCategoryIds, unitRegionPaths } from './store.js';
export { regions, units } from './tables.js';
