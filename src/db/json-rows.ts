import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { qualified } from './qualified.js';

/** A value as JSON carries it: a timestamp as ISO text, with the server's offset. */
type AsJson<T> = T extends Date ? string : T;

/** A column of the child table inside `jsonRows`, where that table is named `x`, typed as its JSON value. */
export type ChildColumn = <C extends AnyPgColumn>(
  column: C,
) => SQL<AsJson<C['_']['data']> | (C['_']['notNull'] extends true ? never : null)>;

/** The row a `jsonRows` field list makes: each key with its field's type. */
export type JsonRow<F> = { [K in keyof F]: F[K] extends SQL<infer V> ? V : never };

/**
 * The rows of a child table that belong to one parent, as a JSON array ordered by the child's id: a column of the
 * parent's select, so a page reads a parent with all it holds in one statement instead of one per table (each
 * statement is a round trip and a system call on both sides). Each row has the fields' keys and types.
 */
export function jsonRows<F extends Record<string, SQL<unknown>>>(
  table: PgTable,
  parentKey: AnyPgColumn,
  parentId: AnyPgColumn | SQL,
  fields: (x: ChildColumn) => F,
): SQL<JsonRow<F>[]> {
  const x = ((column: AnyPgColumn) => sql`x.${sql.identifier(column.name)}`) as ChildColumn;
  const pairs = Object.entries(fields(x)).map(([key, value]) => {
    if (!/^\w+$/.test(key)) throw new Error(`jsonRows: a key must be a plain word, not ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql<JsonRow<F>[]>`coalesce((select json_agg(json_build_object(${sql.join(pairs, sql`, `)}) order by x.id)
    from ${table} x where ${x(parentKey)} = ${qualified(parentId)}), '[]'::json)`;
}

/** A timestamp read from JSON, as the API writes it (`toISOString`). */
export function isoFromJson(text: string): string;
export function isoFromJson(text: string | null): string | null;
export function isoFromJson(text: string | null): string | null {
  return text === null ? null : new Date(text).toISOString();
}
