import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Rows whose materialised path ("/1/4/17/") lies under the node `id` of `table` (itself
 * included): the one way a region or category filter covers its whole subtree.
 */
export function underNode(pathColumn: AnyPgColumn | SQL, table: 'regions' | 'categories', id: number): SQL {
  return sql`${pathColumn} like (select n.path || '%' from ${sql.identifier(table)} n where n.id = ${id})`;
}

/** A LIKE pattern that finds `text` anywhere, its own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
