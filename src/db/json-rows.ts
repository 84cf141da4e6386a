import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { qualified } from './qualified.js';

/** A column of the child table inside `jsonRows`, where that table is named `x`. */
export type ChildColumn = (column: AnyPgColumn) => SQL;

/**
 * The rows of a child table that belong to one parent, as a JSON array ordered by the child's id: a column of the
 * parent's select, so a page reads a parent with all it holds in one statement instead of one per table (each
 * statement is a round trip and a system call on both sides). Timestamps arrive as ISO text; keys are the fields'.
 */
export function jsonRows<T>(
  table: PgTable,
  parentKey: AnyPgColumn,
  parentId: AnyPgColumn | SQL,
  fields: (x: ChildColumn) => Record<string, SQL>,
): SQL<T[]> {
  const x: ChildColumn = (column) => sql`x.${sql.identifier(column.name)}`;
  const pairs = Object.entries(fields(x)).map(([key, value]) => {
    if (!/^\w+$/.test(key)) throw new Error(`jsonRows: a key must be a plain word, not ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql<T[]>`coalesce((select json_agg(json_build_object(${sql.join(pairs, sql`, `)}) order by x.id)
    from ${table} x where ${x(parentKey)} = ${qualified(parentId)}), '[]'::json)`;
}

/** A timestamp read from JSON, as the API writes it (`toISOString`). */
export function isoFromJson(text: string): string;
export function isoFromJson(text: string | null): string | null;
export function isoFromJson(text: string | null): string | null {
  return text === null ? null : new Date(text).toISOString();
}
