import { and, eq } from 'drizzle-orm';
import type { Reader } from '../../kernel/index.js';
import { knowledgeArticles } from './tables.js';

/** Whether the knowledge base holds this answer, reviewed and approved: only such an answer may be given to a resident. */
export async function isApprovedArticle(db: Reader, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: knowledgeArticles.id })
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.status, 'approved')));
  return row !== undefined;
}
