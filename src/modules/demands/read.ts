import { and, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.js';
import { qualified } from '../../db/qualified.js';
import { regionIdsUnder, regionOf, unitNameOf } from '../regions/index.js';
import { openStatesList } from './queries/scope.js';
import { answeredStates } from './survivor.js';
import { type Channel, type DemandState, demands } from './tables.js';

/** Whether a demand with this id exists, whoever may see it: what a council's agenda item or action item may cite. */
export async function demandExists(db: Db | Tx, id: number): Promise<boolean> {
  return (await db.select({ id: demands.id }).from(demands).where(eq(demands.id, id))).length > 0;
}

/**
 * How many demands were raised under a region path since a day, and how many of them are closed or still open: what an
 * appointee's post saw during their term.
 */
export async function demandTallyUnder(
  db: Db | Tx,
  regionPath: string,
  since: string,
): Promise<{ raised: number; closed: number; open: number }> {
  const [d] = await db
    .select({
      raised: sql<number>`count(*)::int`,
      closed: sql<number>`count(*) filter (where ${demands.state} = 'closed')::int`,
      open: sql<number>`count(*) filter (where ${demands.state} not in ('closed', 'declined', 'withdrawn', 'merged'))::int`,
    })
    .from(demands)
    .where(and(inArray(demands.regionId, regionIdsUnder(regionPath)), sql`${demands.createdAt} >= ${since}::date`));
  return d;
}

/**
 * The demands under a region path closed in [from, to) by a unit, by id, with the unit's name: the population a 质检 /
 * 回访 sample is drawn from, each answerable by the unit that handled it.
 */
export async function closedDemandsOfPeriod(db: Db | Tx, regionPath: string, from: Date, to: Date) {
  return db
    .select({
      id: demands.id,
      number: demands.number,
      title: demands.title,
      unitId: demands.unitId,
      unit: unitNameOf(demands.unitId),
      closedAt: demands.closedAt,
    })
    .from(demands)
    .where(
      and(
        eq(demands.state, 'closed'),
        isNotNull(demands.unitId),
        sql`${demands.closedAt} >= ${from} and ${demands.closedAt} < ${to}`,
        inArray(demands.regionId, regionIdsUnder(regionPath)),
      ),
    )
    .orderBy(demands.id);
}

/** The demands among these ids that exist, each with its region's path: a supervisor gathers only those in their region. */
export async function demandRegionPaths(db: Db | Tx, ids: number[]): Promise<{ id: number; path: string }[]> {
  return db
    .select({ id: demands.id, path: regionOf(demands.regionId).path })
    .from(demands)
    .where(inArray(demands.id, ids));
}

/**
 * Whether the demand of an id column lies in a set of regions (a subquery such as `regionIdsWhere` gives), as a
 * condition for another module's query: an initiative is a scoped supervisor's when one of its demands is in their region.
 */
export function demandInRegions(id: AnyPgColumn | SQL, regionIds: SQL): SQL {
  return sql`exists (select 1 from ${demands} d where d.id = ${qualified(id)} and d.region_id in ${regionIds})`;
}

/** The demands among these ids, by id, with where each stands and its unit: an initiative's members and who its answer reaches. */
export async function demandHeadlines(
  db: Db | Tx,
  ids: number[],
): Promise<{ id: number; number: string; title: string; state: DemandState; unitId: number | null }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: demands.id, number: demands.number, title: demands.title, state: demands.state, unitId: demands.unitId })
    .from(demands)
    .where(inArray(demands.id, ids))
    .orderBy(demands.id);
}

/** Whether the demand of an id column is still being worked on, as an expression over another module's rows: a reception session is followed up until none is. */
export function demandOpenOf(id: AnyPgColumn | SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${demands} d where d.id = ${qualified(id)} and d.state in (${openStatesList}))`;
}

/**
 * The demands among these ids, by id, with their text, reply and unit's name (null before a unit has it), and the
 * reporter's name only so the public copy can strip it: what a reception session's report shows of each item raised.
 */
export async function demandsAsRaised(db: Db | Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: demands.id,
      number: demands.number,
      title: demands.title,
      content: demands.content,
      state: demands.state,
      replyText: demands.replyText,
      reporterName: demands.reporterName,
      unit: unitNameOf(demands.unitId).as<string | null>(),
    })
    .from(demands)
    .where(inArray(demands.id, ids))
    .orderBy(demands.id);
}

/**
 * A resident's latest demand waiting for their rating, by phone: replied, or merged into one since answered and not yet
 * rated. What a 1 or 2 texted back rates (回访 by SMS); undefined when none waits.
 */
export async function demandAwaitingSurvey(
  db: Db | Tx,
  phone: string,
): Promise<{ id: number; number: string; state: DemandState } | undefined> {
  const [demand] = await db
    .select({ id: demands.id, number: demands.number, state: demands.state })
    .from(demands)
    .where(
      and(
        eq(demands.reporterPhone, phone),
        or(
          eq(demands.state, 'replied'),
          // Merged into a demand since answered, and not yet rated: the answer is theirs too.
          and(
            eq(demands.state, 'merged'),
            isNull(demands.satisfaction),
            sql`exists (select 1 from demands s where s.id = ${demands.mergedIntoId} and s.state in (${sql.join(
              answeredStates.map((st) => sql`${st}`),
              sql`, `,
            )}))`,
          ),
        ),
      ),
    )
    .orderBy(desc(sql`coalesce(${demands.repliedAt}, ${demands.updatedAt})`))
    .limit(1);
  return demand;
}

/** A demand's number by the number another system gave it on a channel (null if none): the same order sent twice makes one demand. */
export async function demandNumberByExternalRef(db: Db | Tx, channel: Channel, externalRef: string): Promise<string | null> {
  const [d] = await db
    .select({ number: demands.number })
    .from(demands)
    .where(and(eq(demands.channel, channel), eq(demands.externalRef, externalRef)));
  return d?.number ?? null;
}

/**
 * The addresses of the latest demands staff registered in these regions, newest first, at most `limit`: the places
 * people name, from which the gazetteer learns.
 */
export async function placedAddresses(db: Db | Tx, regionIds: number[], limit: number): Promise<{ address: string; regionId: number }[]> {
  return db
    .select({ address: demands.address, regionId: demands.regionId })
    .from(demands)
    .where(and(isNotNull(demands.registeredBy), ne(demands.address, ''), inArray(demands.regionId, regionIds)))
    .orderBy(desc(demands.id))
    .limit(limit);
}
