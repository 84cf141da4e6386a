import { Column, getTableName, is, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A column named in full, for use inside a subquery: in a one-table select Drizzle leaves columns unqualified, and
 * inside the subquery an unqualified name the inner table also has would mean the inner one.
 */
export function qualified(id: AnyPgColumn | SQL): SQL {
  return is(id, Column) ? sql`${sql.identifier(getTableName(id.table))}.${sql.identifier(id.name)}` : sql`${id}`;
}
