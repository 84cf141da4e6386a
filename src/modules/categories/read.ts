import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { qualified } from '../../db/qualified.js';
import { categories } from './tables.js';

/** A category's path and name by its id, as expressions another module's query selects, filters or orders by. */
export function categoryOf(id: AnyPgColumn | SQL): { path: SQL<string>; name: SQL<string> } {
  const of = qualified(id);
  return {
    path: sql<string>`(select c.path from ${categories} c where c.id = ${of})`,
    name: sql<string>`(select c.name from ${categories} c where c.id = ${of})`,
  };
}
