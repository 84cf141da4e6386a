import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { containsPattern } from '../../../db/tree.js';
import { type Actor, isAdmin } from '../../../kernel/index.js';
import { localDay } from '../../calendar/index.js';
import { knowledgeArticles } from '../tables.js';

/** Approved, still-valid answers matching `q` (admins may ask for every status). */
export async function searchArticles(db: Db, actor: Actor, opts: { q?: string; status: 'approved' | 'all' }, now: Date) {
  const where: (SQL | undefined)[] = [];
  if (opts.status === 'approved' || !isAdmin(actor)) {
    where.push(
      eq(knowledgeArticles.status, 'approved'),
      sql`(${knowledgeArticles.validUntil} is null or ${knowledgeArticles.validUntil} >= ${localDay(now)})`,
    );
  }
  if (opts.q) {
    const p = containsPattern(opts.q);
    where.push(
      or(
        sql`${knowledgeArticles.title} ilike ${p}`,
        sql`${knowledgeArticles.body} ilike ${p}`,
        sql`${knowledgeArticles.keywords} ilike ${p}`,
      ),
    );
  }
  return db
    .select()
    .from(knowledgeArticles)
    .where(and(...where))
    .orderBy(desc(knowledgeArticles.updatedAt))
    .limit(50);
}
