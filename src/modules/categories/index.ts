// The categories module's public face: other modules import only this file.

export {
  activeCategories,
  categoriesByIds,
  categoryIdByFullName,
  categoryIdsWhere,
  categoryOf,
  everyCategory,
  isActiveCategory,
} from './read.js';
export { categoryRoutes } from './routes.js';
export { readTaxonomy, seedCategories } from './seed.js';
export { type Category, getCategory } from './store.js';
export { categories } from './tables.js';
