// The knowledge module's public face: other modules import only this file.
export { knowledgeRoutes } from './routes.js';
export { knowledgeArticles } from './tables.js';
