// The knowledge module's public face: other modules import only this file.
import { registerReference } from '../../kernel/index.js';
import { isApprovedArticle } from './read.js';

// A demand answered directly may cite an approved answer of the knowledge base.
registerReference('approved_knowledge_article', isApprovedArticle);

export { knowledgeRoutes } from './routes.js';
export { knowledgeArticles } from './tables.js';
