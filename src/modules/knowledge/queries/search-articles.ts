import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type Actor, isAdmin } from '../../../kernel/index.js';
import { localDay } from '../../calendar/index.js';
import { Segmenter } from '../../text/index.js';
import { Bm25, type Field } from '../bm25.js';
import { knowledgeArticles } from '../tables.js';

type ArticleRow = typeof knowledgeArticles.$inferSelect;

/** What an article is searched on: its title and keywords count three times its body. */
export const articleFields = (a: { title: string; keywords: string; body: string }): Field[] => [
  { text: a.title, weight: 3 },
  { text: a.keywords, weight: 3 },
  { text: a.body, weight: 1 },
];

let segmenter: Segmenter | null = null;
// The index is rebuilt when the articles change (a knowledge base is hundreds of rows, not millions).
let cached: { key: string; index: Bm25 } | null = null;

function indexFor(rows: ArticleRow[]): Bm25 {
  const key = rows.map((r) => `${r.id}@${r.updatedAt.getTime()}`).join(',');
  if (cached?.key === key) return cached.index;
  segmenter ??= new Segmenter();
  const seg = segmenter;
  const index = new Bm25(
    rows.map((r) => ({ id: r.id, fields: articleFields(r) })),
    (t) => seg.cut(t),
  );
  cached = { key, index };
  return index;
}

/**
 * Approved, still-valid answers (admins may ask for every status); with `q`, those that answer it,
 * best first, by BM25 over words, bigrams and synonyms — "我妈今年八十了能领什么补贴" finds 高龄津贴.
 */
export async function searchArticles(db: Db, actor: Actor, opts: { q?: string; status: 'approved' | 'all'; limit?: number }, now: Date) {
  const where: (SQL | undefined)[] = [];
  if (opts.status === 'approved' || !isAdmin(actor)) {
    where.push(
      eq(knowledgeArticles.status, 'approved'),
      sql`(${knowledgeArticles.validUntil} is null or ${knowledgeArticles.validUntil} >= ${localDay(now)})`,
    );
  }
  const rows = await db
    .select()
    .from(knowledgeArticles)
    .where(and(...where))
    .orderBy(desc(knowledgeArticles.updatedAt))
    .limit(5000);
  if (!opts.q) return rows.slice(0, 50);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return indexFor(rows)
    .search(opts.q, opts.limit ?? 10)
    .map((hit) => byId.get(hit.id)!);
}
