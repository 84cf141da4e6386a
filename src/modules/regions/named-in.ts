import { asc, desc, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { regions } from './tables.js';

export type NamedRegion = { id: number; name: string; path: string };

/**
 * The region a resident's free text names (a community or township, by its full name; the longest
 * name wins, as the most specific place), else the district at the root, whose dispatcher
 * completes the demand. Read from the table, not the cache: a region added a moment ago counts.
 */
export async function regionNamedIn(db: Db | Tx, text: string): Promise<NamedRegion | null> {
  const said = text.normalize('NFKC');
  const columns = { id: regions.id, name: regions.name, path: regions.path };
  const [named] = await db
    .select(columns)
    .from(regions)
    .where(sql`char_length(${regions.name}) >= 2 and strpos(${said}, ${regions.name}) > 0`)
    .orderBy(desc(sql`char_length(${regions.name})`), asc(regions.id))
    .limit(1);
  if (named) return named;
  const [root] = await db.select(columns).from(regions).where(isNull(regions.parentId)).orderBy(asc(regions.id)).limit(1);
  return root ?? null;
}
