import { type ActionContext, audit, requireAdmin } from '../../../kernel/index.js';
import type { ArticleInput } from '../schema.js';
import { knowledgeArticles } from '../tables.js';

/** 知识库: an admin adds an answer operators can give on the phone. */
export async function createArticle(a: ActionContext, input: ArticleInput) {
  const admin = requireAdmin(a.actor);
  const [row] = await a.tx
    .insert(knowledgeArticles)
    .values({ ...input, createdBy: admin.userId, updatedAt: a.now })
    .returning();
  await audit(a, { resource: 'knowledge_article', resourceId: row.id, action: 'create', data: { title: row.title, status: row.status } });
  return row;
}
