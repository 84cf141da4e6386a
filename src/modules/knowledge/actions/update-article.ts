import { eq } from 'drizzle-orm';
import { type ActionContext, audit, requireAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import type { ArticleInput } from '../schema.js';
import { knowledgeArticles } from '../tables.js';

/** Edit, approve (with its review date) or retire an answer; the trail keeps which fields changed. */
export async function updateArticle(a: ActionContext, opts: { articleId: number; changes: Partial<ArticleInput> }) {
  requireAdmin(a.actor);
  const [before] = await a.tx.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, opts.articleId)).for('update');
  if (!before) throw new AppError('not_found');
  const [row] = await a.tx
    .update(knowledgeArticles)
    .set({ ...opts.changes, updatedAt: a.now })
    .where(eq(knowledgeArticles.id, before.id))
    .returning();
  await audit(a, {
    resource: 'knowledge_article',
    resourceId: row.id,
    action: 'update',
    data: { fields: Object.keys(opts.changes), status: { from: before.status, to: row.status } },
  });
  return row;
}
