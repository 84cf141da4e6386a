import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { qualified } from '../../db/qualified.js';
import { regions, units } from './tables.js';

type Id = AnyPgColumn | SQL;

/**
 * A region's path and name by its id, as expressions another module's query selects, filters (a scope over the
 * path) or orders by: each one probe of the primary key, so the module reads the region without joining its table.
 */
export function regionOf(id: Id): { path: SQL<string>; name: SQL<string> } {
  const of = qualified(id);
  return {
    path: sql<string>`(select r.path from ${regions} r where r.id = ${of})`,
    name: sql<string>`(select r.name from ${regions} r where r.id = ${of})`,
  };
}

/** A unit's name by its id, as an expression another module's query selects or orders by. */
export function unitNameOf(id: Id): SQL<string> {
  return sql<string>`(select u.name from ${units} u where u.id = ${qualified(id)})`;
}

/**
 * The ids of the regions whose path meets `condition` (a scope over the path, such as `withinRegions`), as a
 * subquery for `inArray`: over a large table (demands) one hashed semi-join rather than a probe per row.
 * Undefined when the condition is (everything).
 */
export function regionIdsWhere(condition: (path: AnyPgColumn) => SQL | undefined): SQL | undefined {
  const where = condition(regions.path);
  return where ? sql`(select ${regions.id} from ${regions} where ${where})` : undefined;
}
