import { and, eq, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, handledUnitIds, type Reader, scopeCondition, scopeOf } from '../../../kernel/index.js';
import { regionIdsWhere } from '../../regions/index.js';
import { openStates } from '../lifecycle.js';
import { assignments, assists, demands, transfers } from '../tables.js';

/** The open states as SQL literals: the open-demands index is partial, and only constants match its predicate. */
export const openStatesList = sql.raw(openStates.map((s) => `'${s}'`).join(', '));

/**
 * The demands an actor may see, as a condition to add to any query over demands. Every list query
 * takes it: there is no unscoped list.
 * Returns undefined for "everything" (admins and installation-wide roles).
 */
export function visibleDemands(actor: Actor): SQL | undefined {
  const scope = scopeOf(actor);
  if (scope.all) return undefined;
  // The regions in scope read once as a set of ids (a hashed semi-join), not a region's path per demand.
  const inRegions = regionIdsWhere((path) => scopeCondition({ ...scope, unitIds: [] }, { regionPath: path }));
  const parts: SQL[] = scope.regionPaths.length > 0 && inRegions ? [sql`${demands.regionId} in ${inRegions}`] : [];
  const unitIds = [...scope.unitIds];
  if (unitIds.length > 0) {
    // The unit's work is wider than the unit column: what it once held, helps with or is asked to take.
    parts.push(inArray(demands.unitId, unitIds));
    // Each as `id in (the unit's ids)`: over a list, one hashed set read from the (unit, demand) index
    // instead of a probe per row; for one demand, the planner probes.
    parts.push(sql`${demands.id} in (select ${assignments.demandId} from ${assignments} where ${inArray(assignments.unitId, unitIds)})`);
    // 协办 and a 转办 waiting on the unit: they see the demand while they help or decide.
    parts.push(sql`${demands.id} in (select ${assists.demandId} from ${assists} where ${inArray(assists.unitId, unitIds)})`);
    parts.push(sql`${demands.id} in (select ${transfers.demandId} from ${transfers} where ${inArray(transfers.toUnitId, unitIds)})`);
  }
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/**
 * The ids of a unit's work as one set (what it holds, once held, helps with or is asked to take): the demands
 * `visibleDemands` selects when the scope is units alone, so a count of them reads four (unit, demand) indexes
 * instead of testing the OR over a million demands. Null for any other scope.
 */
export function unitWorkIds(actor: Actor, createdSince?: Date): SQL | null {
  const scope = scopeOf(actor);
  if (scope.all || scope.regionPaths.length > 0 || scope.unitIds.length === 0) return null;
  const unitIds = [...scope.unitIds];
  // Of the demands registered since a time (a figure of the day or the month): nothing happens to a demand before
  // it is registered, so its dispatch, assist or transfer came after too, and each part reads its own (unit, time) rows.
  const after = (at: AnyPgColumn) => (createdSince ? sql` and ${gte(at, createdSince)}` : sql``);
  return sql`select ${assignments.demandId} from ${assignments} where ${inArray(assignments.unitId, unitIds)}${after(assignments.dispatchedAt)}
             union select ${assists.demandId} from ${assists} where ${inArray(assists.unitId, unitIds)}${after(assists.requestedAt)}
             union select ${transfers.demandId} from ${transfers} where ${inArray(transfers.toUnitId, unitIds)}${after(transfers.requestedAt)}
             union select ${demands.id} from ${demands} where ${inArray(demands.unitId, unitIds)}${after(demands.createdAt)}`;
}

/**
 * 待办 of a handler: the demands their units hold now, or are asked now to help with (a part not
 * yet sent) or to take over — not those the unit once held and that have moved on. The few asked
 * of the unit are read first, so the condition is two index lookups (unit, id), not a scan.
 */
export async function heldByActor(db: Reader, actor: Actor): Promise<SQL> {
  const unitIds = handledUnitIds(actor);
  if (!unitIds.length) return sql`false`;
  const asked = await db
    .select({ id: assists.demandId })
    .from(assists)
    .where(and(inArray(assists.unitId, unitIds), isNull(assists.endedAt), isNull(assists.contributedAt)))
    .union(
      db
        .select({ id: transfers.demandId })
        .from(transfers)
        .where(and(inArray(transfers.toUnitId, unitIds), eq(transfers.status, 'pending'))),
    );
  const held = inArray(demands.unitId, unitIds);
  return asked.length
    ? or(
        held,
        inArray(
          demands.id,
          asked.map((r) => Number(r.id)),
        ),
      )!
    : held;
}
