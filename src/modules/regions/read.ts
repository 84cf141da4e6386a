import { and, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.js';
import { qualified } from '../../db/qualified.js';
import { type RegionLevel, regions, units } from './tables.js';

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

/** The ids of the regions under a path ("/1/4/"), itself included, as a subquery for `inArray`. */
export function regionIdsUnder(regionPath: string): SQL {
  return sql`(select ${regions.id} from ${regions} where ${regions.path} like ${`${regionPath}%`})`;
}

/** A unit's name by its id, as an expression another module's query selects or orders by (null where the id is). */
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

/** The regions at these levels, in path order (a parent before its children): where a programme may be set up. */
export async function regionsAtLevels(db: Db | Tx, levels: RegionLevel[]) {
  return db
    .select({ id: regions.id, name: regions.name, level: regions.level, path: regions.path })
    .from(regions)
    .where(inArray(regions.level, levels))
    .orderBy(regions.path);
}

const township = alias(regions, 'township');

/**
 * The regions of one level under a path (itself included), in path order, each with the township it lies in (null
 * above or outside one), optionally narrowed by a LIKE on the name: the posts an appointments programme can fill.
 */
export async function regionsWithTownship(
  db: Db | Tx,
  opts: { level: RegionLevel; under: string; nameLike?: string; nameNotLike?: string },
) {
  return db
    .select({ id: regions.id, name: regions.name, path: regions.path, townshipId: township.id, township: township.name })
    .from(regions)
    .leftJoin(township, and(eq(township.level, 'township'), sql`${regions.path} like ${township.path} || '%'`))
    .where(
      and(
        eq(regions.level, opts.level),
        like(regions.path, `${opts.under}%`),
        opts.nameLike === undefined ? undefined : like(regions.name, opts.nameLike),
        opts.nameNotLike === undefined ? undefined : sql`${regions.name} not like ${opts.nameNotLike}`,
      ),
    )
    .orderBy(regions.path);
}

/** The units among these ids that exist, with their names (an unknown id is simply absent). */
export async function unitsByIds(db: Db | Tx, ids: number[]): Promise<{ id: number; name: string }[]> {
  return db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
}

/** The units bearing these exact names, for matching a spreadsheet's column of unit names. */
export async function unitsByNames(db: Db | Tx, names: string[]): Promise<{ id: number; name: string }[]> {
  return db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.name, names));
}

/**
 * The id of the township a region lies in (the region itself if it is one; null above township level), as an
 * expression over a region id: a figure by place shows each place with its township.
 */
export function townshipIdOf(id: AnyPgColumn | SQL): SQL<number | null> {
  return sql<number | null>`(select t.id from ${regions} r join ${regions} t on t.level = 'township' and r.path like t.path || '%'
    where r.id = ${qualified(id)})`;
}

export type RegionNode = Pick<typeof regions.$inferSelect, 'id' | 'parentId' | 'level' | 'name' | 'code' | 'path'>;

/**
 * Every region, for a module that holds the whole tree (the gazetteer's placer, a sheet's names matched in
 * memory): a few thousand rows at most, read in one pass. In the table's own order, as callers read it before.
 */
export async function regionTree(db: Db | Tx): Promise<RegionNode[]> {
  return db
    .select({
      id: regions.id,
      parentId: regions.parentId,
      level: regions.level,
      name: regions.name,
      code: regions.code,
      path: regions.path,
    })
    .from(regions);
}

/** The regions among these codes, with their ids: a seed names regions by code, stable across installs. */
export async function regionIdsByCode(db: Db | Tx, codes: string[]): Promise<{ id: number; code: string }[]> {
  return db.select({ id: regions.id, code: regions.code }).from(regions).where(inArray(regions.code, codes));
}

/** Every unit's id and name, for matching a sheet's names in memory; in the table's own order, as read before. */
export async function unitNames(db: Db | Tx): Promise<{ id: number; name: string }[]> {
  return db.select({ id: units.id, name: units.name }).from(units);
}

/** A region's id by its code, the name another system (Open311, the city's 12345) gives it; null if none. */
export async function regionIdByCode(db: Db | Tx, code: string): Promise<number | null> {
  return (await regionIdsByCode(db, [code]))[0]?.id ?? null;
}

/**
 * The regions among these ids that exist (an unknown id is simply absent): for rows already cut, whose few distinct
 * regions are read once each rather than probed once per row, and for checking ids a request names.
 */
export async function regionsByIds(db: Db | Tx, ids: number[]): Promise<{ id: number; name: string; code: string; path: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: regions.id, name: regions.name, code: regions.code, path: regions.path })
    .from(regions)
    .where(inArray(regions.id, ids));
}
