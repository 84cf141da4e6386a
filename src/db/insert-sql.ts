import { getTableColumns, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

type Row<T extends PgTable> = { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | SQL };

/**
 * The column list and the typed values of one row, named by the Drizzle table's properties, for
 * statements Drizzle's builder cannot express (a data-modifying CTE). A renamed or retyped
 * column changes here with the table: no hand-written column list can drift from it.
 */
export function insertParts<T extends PgTable>(table: T, row: Row<T>): { columns: SQL; values: SQL } {
  const columns = getTableColumns(table);
  const names: SQL[] = [];
  const values: SQL[] = [];
  for (const [key, value] of Object.entries(row)) {
    const column = columns[key];
    if (!column) throw new Error(`insertParts: ${key} is not a column of the table`);
    names.push(sql`${sql.identifier(column.name)}`);
    values.push(value instanceof SQL ? value : sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`);
  }
  return { columns: sql`(${sql.join(names, sql`, `)})`, values: sql.join(values, sql`, `) };
}
