import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.js';
import { qualified } from '../../db/qualified.js';
import { categories } from './tables.js';

/**
 * A category's path and names by its id, as expressions another module's query selects, filters or orders by (null,
 * whatever the type says, where the id is null: a demand not yet categorised).
 */
export function categoryOf(id: AnyPgColumn | SQL): { path: SQL<string>; name: SQL<string>; fullName: SQL<string> } {
  const of = qualified(id);
  return {
    path: sql<string>`(select c.path from ${categories} c where c.id = ${of})`,
    name: sql<string>`(select c.name from ${categories} c where c.id = ${of})`,
    fullName: sql<string>`(select c.full_name from ${categories} c where c.id = ${of})`,
  };
}

/** The ids of the categories whose path meets `condition`, as a subquery for `inArray` over a large table. */
export function categoryIdsWhere(condition: (path: AnyPgColumn) => SQL): SQL {
  return sql`(select ${categories.id} from ${categories} where ${condition(categories.path)})`;
}

/**
 * Every category, in the table's own order, for a module that holds them all: intake's reference cache (full name,
 * subtree, the 24-hour norm) and a sheet's labels matched in memory by either name (a caller keeping the first of
 * two equal names keeps what it kept before).
 */
export async function everyCategory(
  db: Db | Tx,
): Promise<{ id: number; name: string; fullName: string; path: string; utility: boolean }[]> {
  return db
    .select({ id: categories.id, name: categories.name, fullName: categories.fullName, path: categories.path, utility: categories.utility })
    .from(categories);
}

/** The categories a resident may still choose, tree order: what Open311 offers as services. */
export async function activeCategories(db: Db | Tx): Promise<{ id: number; name: string; fullName: string }[]> {
  return db
    .select({ id: categories.id, name: categories.name, fullName: categories.fullName })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.path));
}

/** Whether a category exists and may still be chosen. */
export async function isActiveCategory(db: Db | Tx, id: number): Promise<boolean> {
  const [c] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.id, id), eq(categories.active, true)));
  return !!c;
}

/** A category's id by its full name ("城乡建设/城市建设和市政管理/燃气供应"), the name another system sends; null if none. */
export async function categoryIdByFullName(db: Db | Tx, fullName: string): Promise<number | null> {
  const [c] = await db.select({ id: categories.id }).from(categories).where(eq(categories.fullName, fullName));
  return c?.id ?? null;
}

/** The categories among these ids, with their names: for rows already cut, each distinct category read once. */
export async function categoriesByIds(db: Db | Tx, ids: number[]): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: categories.id, name: categories.name }).from(categories).where(inArray(categories.id, ids));
}
