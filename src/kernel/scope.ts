import { or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, isAdmin } from './actor.js';
import { roles as everyRole, type Role } from './roles.js';

/**
 * What an actor's grants reach, read once: everything, or the regions under some paths and the
 * work of some units. The one interpreter of grants: lists take its SQL condition
 * (`scopeCondition`), checks of one record its predicate (`scopeHolds`), and the two agree (a
 * table test runs both over every role and kind of grant).
 */
export type Scope = { all: true } | { all: false; regionPaths: readonly string[]; unitIds: readonly number[] };

const nothing: Scope = { all: false, regionPaths: [], unitIds: [] };
const everything: Scope = { all: true };

/**
 * The scope of the actor's grants for `roles`. A handler's grant is its unit's work; any other
 * role's grant is a region (null: the whole installation). An admin grant reaches everything when
 * `admin` is among the roles asked for; the system reaches everything, residents nothing.
 */
export function scopeOf(actor: Actor, roles: readonly Role[] = everyRole): Scope {
  if (actor.kind === 'system') return everything;
  if (actor.kind !== 'user') return nothing;
  const regionPaths: string[] = [];
  const unitIds: number[] = [];
  for (const g of actor.grants) {
    if (!roles.includes(g.role)) continue;
    if (g.role === 'admin') return everything;
    if (g.role === 'handler') {
      if (g.unitId !== null) unitIds.push(g.unitId);
      continue;
    }
    if (g.regionPath === null) return everything;
    regionPaths.push(g.regionPath);
  }
  return { all: false, regionPaths, unitIds };
}

/** Whether the actor holds any of these roles, wherever. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => roles.includes(g.role));
}

type Column = AnyPgColumn | SQL;

/**
 * The scope as a condition on a query: the record's region path under one of the scope's paths,
 * or (given a unit column) its unit one of the scope's units. Undefined means no condition.
 */
export function scopeCondition(scope: Scope, on: { regionPath: Column; unitId?: Column }): SQL | undefined {
  if (scope.all) return undefined;
  const parts = scope.regionPaths.map((p) => sql`${on.regionPath} like ${`${p}%`}`);
  if (on.unitId && scope.unitIds.length > 0)
    parts.push(
      sql`${on.unitId} in (${sql.join(
        scope.unitIds.map((u) => sql`${u}`),
        sql`, `,
      )})`,
    );
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/** The same rule for one record in memory: its region, or any of the units it concerns. */
export function scopeHolds(scope: Scope, record: { regionPath: string | null; unitIds?: readonly (number | null)[] }): boolean {
  if (scope.all) return true;
  const { regionPath } = record;
  if (regionPath !== null && scope.regionPaths.some((p) => regionPath.startsWith(p))) return true;
  return (record.unitIds ?? []).some((u) => u !== null && scope.unitIds.includes(u));
}

/**
 * Records whose region path lies under one of the actor's grants for `roles`: the condition every
 * region-scoped list takes. Undefined means everything (admins, installation-wide grants).
 */
export function withinRegions(actor: Actor, roles: readonly Role[], pathColumn: Column): SQL | undefined {
  return scopeCondition(scopeOf(actor, [...roles, 'admin']), { regionPath: pathColumn });
}

/** True when one of the actor's grants for `role` covers the region with this path. */
export function coversRegion(actor: Actor, role: Role, regionPath: string): boolean {
  return actor.kind === 'user' && role !== 'handler' && scopeHolds(scopeOf(actor, [role]), { regionPath });
}

/** True when one of the actor's handler grants is for this unit. */
export function handlesUnit(actor: Actor, unitId: number | null): boolean {
  return actor.kind === 'user' && scopeHolds(scopeOf(actor, ['handler']), { regionPath: null, unitIds: [unitId] });
}

/** Community work (councils, reception days) is organised by the region's operators and supervisors, and admins. */
export function organisesIn(actor: Actor, regionPath: string): boolean {
  return isAdmin(actor) || coversRegion(actor, 'operator', regionPath) || coversRegion(actor, 'supervisor', regionPath);
}

/** Who organises community work (councils, reception days, proposals): operators and supervisors of the region. */
export const organiserRoles: readonly Role[] = ['operator', 'supervisor'];

/**
 * Whether one of the actor's organiser grants (operator, supervisor) is for a region inside this one: township staff
 * who nominate and keep logs for the posts of a district programme.
 */
export function organisesUnder(actor: Actor, regionPath: string): boolean {
  const scope = scopeOf(actor, organiserRoles);
  return !scope.all && scope.regionPaths.some((p) => p.startsWith(regionPath));
}

/**
 * Whether the actor's grants reach a region or lie inside it: who may see a programme set up there (the district's
 * programmes are seen by its townships' staff too). Grants without a region — everything, or a handler's unit —
 * see every programme.
 */
export function reachesOrWithin(actor: Actor, regionPath: string): boolean {
  const scope = scopeOf(actor);
  if (scope.all || scope.unitIds.length > 0) return true;
  return scope.regionPaths.some((p) => p.startsWith(regionPath) || regionPath.startsWith(p));
}

/** The units whose work the actor's handler grants are (none for the system or a resident). */
export function handledUnitIds(actor: Actor): number[] {
  const scope = scopeOf(actor, ['handler']);
  return scope.all ? [] : [...scope.unitIds];
}
