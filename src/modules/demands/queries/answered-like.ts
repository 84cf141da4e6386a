import { and, desc, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Actor, Reader } from '../../../kernel/index.js';
import { unitNameOf } from '../../regions/index.js';
import { answeredStates } from '../survivor.js';
import { demands } from '../tables.js';
import { visibleDemands } from './scope.js';

/** What tj_bigram_query(word) gives: the AND of the word's distinct bigrams (words are letters and digits only). */
export function bigramQuery(word: string): string {
  const s = word.toLowerCase();
  const grams = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) grams.add(`'${s.slice(i, i + 2)}'`);
  return [...grams].join(' & ');
}

export type AnsweredDemand = {
  id: number;
  number: string;
  title: string;
  content: string;
  replyText: string;
  unitName: string | null;
  repliedAt: Date | null;
  /** How many of the asked words (weighted by length) the demand's text holds. */
  overlap: number;
};

/** The newest demands looked among first: enough history for a desk, bounded work at 10^6 rows. */
export const answeredWindow = 200_000;

/**
 * Answered demands (with a reply) the actor may see whose text holds some of `words`, most words
 * first, then newest: the candidates a caller ranks finely. Each word is matched as the AND of its
 * character bigrams on the stored `search` column (its GIN index, docs/decisions/0006-search.md); the
 * newest `answeredWindow` demands are read first and all of them only when those give fewer than `enough`.
 */
export async function answeredLike(
  db: Reader,
  actor: Actor,
  opts: { words: string[]; excludeId?: number; limit?: number; enough?: number; window?: number },
): Promise<AnsweredDemand[]> {
  const words = [...new Set(opts.words.map((w) => w.trim()).filter((w) => w.length >= 2 && /^[\p{L}\p{N}]+$/u.test(w)))];
  if (!words.length) return [];
  const scope = visibleDemands(actor);
  // Built here rather than by tj_bigram_query in SQL: a constant tsquery, not a function called per row.
  const matches = words.map((w) => sql`${bigramQuery(w)}::tsquery`);
  const any = sql.join(matches, sql` || `);
  const overlap = sql<number>`(${sql.join(
    words.map((w, i) => sql`(case when "demands"."search" @@ ${matches[i]} then ${Math.min(w.length, 4)} else 0 end)`),
    sql` + `,
  )})`;
  const limit = opts.limit ?? 200;
  const read = (floor: number) =>
    db
      .select({
        id: demands.id,
        number: demands.number,
        title: demands.title,
        content: demands.content,
        replyText: demands.replyText,
        unitName: unitNameOf(demands.unitId).as<string | null>(),
        repliedAt: demands.repliedAt,
        overlap,
      })
      .from(demands)
      .where(
        and(
          sql`"demands"."search" @@ (${any})`,
          inArray(demands.state, [...answeredStates]),
          isNotNull(demands.replyText),
          opts.excludeId ? ne(demands.id, opts.excludeId) : undefined,
          floor > 0 ? sql`${demands.id} > ${floor}` : undefined,
          scope as SQL | undefined,
        ),
      )
      .orderBy(desc(overlap), desc(demands.id))
      .limit(limit);
  const window = opts.window ?? answeredWindow;
  const [{ top }] = await db.select({ top: sql<number>`coalesce(max(${demands.id}), 0)` }).from(demands);
  const floor = Number(top) - window;
  let rows = await read(floor);
  if (floor > 0 && rows.length < (opts.enough ?? 20)) rows = await read(0);
  return rows.map((r) => ({ ...r, id: Number(r.id), replyText: r.replyText ?? '', overlap: Number(r.overlap) }));
}
