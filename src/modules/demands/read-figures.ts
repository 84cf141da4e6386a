import { and, desc, eq, gte, inArray, isNotNull, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { qualified } from '../../db/qualified.js';
import { queryRows } from '../../db/rows.js';
import { underNode } from '../../db/tree.js';
import type { Actor } from '../../kernel/index.js';
import { categoryIdsWhere } from '../categories/index.js';
import { withheldIds } from '../moderation/index.js';
import { regionOf, townshipIdOf, unitNameOf } from '../regions/index.js';
import { openStates } from './lifecycle.js';
import { publicTexts } from './queries/public-lookup.js';
import { unitWorkIds, visibleDemands } from './queries/scope.js';
import { answeredStates } from './survivor.js';
import { type DemandRow, type DemandState, demands } from './tables.js';

// Figures, lists and points over demands that other modules present (一屏, the map, Open311): the queries are the
// demands module's, so that only it names the table; the callers keep their parsing, presenting and caching.

/**
 * Whose demands a figure counts: an actor's (as `visibleDemands` scopes them), or every one, when the caller has
 * established that the actor sees the whole installation and the test of each demand's scope can be skipped.
 */
export type CountedFor = Actor | 'everything';

/** `from demands … where …` over the demands counted, for a figure to complete with its select and grouping. */
const scoped = (who: CountedFor, extra: SQL, joins: SQL = sql``, createdSince?: Date) => {
  const scope = who === 'everything' ? undefined : inScopeOf(who, createdSince);
  return sql`from ${demands} ${joins} where ${extra}${scope ? sql` and ${scope}` : sql``}`;
};

/**
 * `visibleDemands`, with a unit's scope read as the set of its ids (those of the period, for a figure of what was
 * registered since a time): a figure then probes the unit's own rows instead of testing four conditions on every
 * demand of the period (the places of 30 days' intake at 10^6: 0.9–1.4 s → 0.1–0.2 s).
 */
function inScopeOf(actor: Actor, createdSince?: Date): SQL | undefined {
  // Over what is open (a small partial index) testing the four conditions per demand stays the cheaper way.
  const work = createdSince ? unitWorkIds(actor, createdSince) : null;
  return work ? sql`${demands.id} in (${work})` : visibleDemands(actor);
}

const isOpen = inArray(demands.state, [...openStates]);

/** A limit written into the statement, as the figures always had it, not sent as a parameter. */
const limitOf = (n: number) => sql.raw(String(Math.trunc(n)));

/** 一屏 of a unit's scope (which the counters cannot express) counts the day's intake by channel over its demands. */
export const intakeByChannel = (db: Db, who: CountedFor, since: Date) =>
  queryRows<{ channel: string; n: number }>(
    db,
    sql`select ${demands.channel} as channel, count(*) as n ${scoped(who, sql`${demands.createdAt} >= ${since}`, sql``, since)} group by 1 order by 2 desc`,
  );

/** 一屏 of a unit's scope counts what is open, by state, over its demands. */
export const openByState = (db: Db, who: CountedFor) =>
  queryRows<{ state: string; n: number }>(db, sql`select ${demands.state} as state, count(*) as n ${scoped(who, isOpen)} group by 1`);

/**
 * 一屏 of a unit's scope shows where its demands came from since a time: the busiest places (at most `limit`), each
 * with its township. Counted by region id, then named: the names are read for the places shown, not per demand.
 */
export function intakeByPlace(db: Db, who: CountedFor, since: Date, limit: number) {
  const township = townshipIdOf(sql`g.id`);
  return queryRows<{ id: number; name: string; township_id: number | null; township: string | null; n: number }>(
    db,
    sql`select g.id, ${regionOf(sql`g.id`).name} as name, ${township} as township_id, ${regionOf(township).name} as township, g.n
        from (select ${demands.regionId} as id, count(*) as n ${scoped(who, sql`${demands.createdAt} >= ${since}`, sql``, since)}
          group by 1 order by 2 desc limit ${limitOf(limit)}) g
        order by g.n desc`,
  );
}

/** 一屏 of a unit's scope shows the month's intake and how much of it is closed, over its demands. */
export async function intakeAndClosedSince(db: Db, who: CountedFor, since: Date): Promise<{ total: number; closed: number }> {
  const [month] = await queryRows<{ total: number; closed: number }>(
    db,
    sql`select count(*) as total, count(*) filter (where ${demands.state} = 'closed') as closed ${scoped(who, sql`${demands.createdAt} >= ${since}`, sql``, since)}`,
  );
  return month ?? { total: 0, closed: 0 };
}

/** 一屏 names the units with the most demands past their step's deadline while dispatched or acknowledged. */
export const overdueByUnit = (db: Db, who: CountedFor, now: Date, limit: number) =>
  queryRows<{ unit_id: number; name: string; n: number }>(
    db,
    sql`select ${demands.unitId} as unit_id, ${unitNameOf(demands.unitId)} as name, count(*) as n ${scoped(
      who,
      sql`${demands.state} in ('dispatched', 'acknowledged') and ${demands.stageDueAt} < ${now} and ${demands.unitId} is not null`,
    )} group by 1 order by 3 desc, 2 limit ${limitOf(limit)}`,
  );

/** 一屏 counts overdue as the list's overdue queue does: any open demand past its current step's deadline. */
export async function overdueCount(db: Db, who: CountedFor, now: Date): Promise<number> {
  const [late] = await queryRows<{ n: number }>(
    db,
    sql`select count(*) as n ${scoped(who, sql`${isOpen} and ${demands.stageDueAt} < ${now}`)}`,
  );
  return Number(late?.n ?? 0);
}

type MonthOfCallbacks = { month: string; called: number; satisfied: number };
const monthOf = sql`to_char(c.at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
const satisfiedCount = sql`count(*) filter (where c.satisfaction in ('satisfied', 'basically_satisfied'))`;

/** 一屏 of a scope that is neither everything nor a unit's shows satisfaction month by month over its callbacks. */
export const callbacksByMonth = (db: Db, who: CountedFor, since: Date) =>
  queryRows<MonthOfCallbacks>(
    db,
    sql`select ${monthOf} as month, count(*) as called, ${satisfiedCount} as satisfied
      from callbacks c where c.at >= ${since} and c.demand_id in (select ${demands.id} ${scoped(who, sql`true`)})
      group by 1 order by 1`,
  );

/** 一屏 of the whole installation adds to 三率's rollups (the units' callbacks) those the desk answered itself. */
export const deskCallbacksByMonth = (db: Db, since: Date) =>
  queryRows<MonthOfCallbacks>(
    db,
    sql`select ${monthOf} as month, count(*) as called, ${satisfiedCount} as satisfied
      from callbacks c where c.unit_id is null and c.at >= ${since} group by 1`,
  );

/**
 * The map's points: the demands with coordinates in the actor's scope, registered within a window (optionally under
 * a category, its subcategories included), newest first, at most `limit`; exact coordinates, for the caller to coarsen.
 */
export async function locatedDemands(db: Db, actor: Actor, w: { from: Date; to: Date; categoryId?: number; limit: number }) {
  return db
    .select({ id: demands.id, lat: demands.latitude, long: demands.longitude, categoryId: demands.categoryId, regionId: demands.regionId })
    .from(demands)
    .where(
      and(
        isNotNull(demands.latitude),
        isNotNull(demands.longitude),
        gte(demands.createdAt, w.from),
        lte(demands.createdAt, w.to),
        w.categoryId
          ? sql`${demands.categoryId} in ${categoryIdsWhere((path) => underNode(path, 'categories', w.categoryId!))}`
          : undefined,
        visibleDemands(actor),
      ),
    )
    .orderBy(desc(demands.createdAt))
    .limit(w.limit);
}

/** Open311 finds a request's demand number by the token it handed out: the number of a demand by its id. */
export function demandNumberOf(id: AnyPgColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select d.number from ${demands} d where d.id = ${qualified(id)})`;
}

/** Open311's filters of its GET requests, in the demands' terms: numbers, categories, a window, states, a page. */
export type PublicRequestFilter = {
  numbers?: string[];
  categoryIds?: number[];
  from?: Date;
  to?: Date;
  /** Only demands in these states; `notStates`: none in these. */
  states?: readonly DemandState[];
  notStates?: readonly DemandState[];
  limit: number;
  offset: number;
};

/**
 * What the channel that posted some of the demands keeps of each (Open311's requests): its table, left-joined on its
 * demand id column, and the fields of it the caller shows. A demand it posted is public even before it is answered.
 */
export type PostedThrough<F extends Record<string, AnyPgColumn>> = { table: PgTable; demandId: AnyPgColumn; fields: F };

/**
 * Open311's GET requests: a page of what the public may see — demands not anonymous that are answered (as on the
 * portal's public list) or were posted through the channel, none a moderator withheld — newest first, each with the
 * channel's fields and its public text (as the moderator left it, names and numbers masked).
 */
export async function publicRequests<F extends Record<string, AnyPgColumn>>(db: Db, f: PublicRequestFilter, posted: PostedThrough<F>) {
  const where: (SQL | undefined)[] = [eq(demands.anonymous, false), sql`${demands.id} not in ${withheldIds('demand')}`];
  if (f.numbers?.length) where.push(inArray(demands.number, f.numbers));
  if (f.categoryIds?.length) where.push(inArray(demands.categoryId, f.categoryIds));
  if (f.from) where.push(gte(demands.createdAt, f.from));
  if (f.to) where.push(lte(demands.createdAt, f.to));
  if (f.states) where.push(inArray(demands.state, [...f.states]));
  if (f.notStates) where.push(notInArray(demands.state, [...f.notStates]));
  // Two sources, each read newest first as far as the page reaches: the answered (their own index by creation, so a
  // backlog not yet answered at the newest end is never walked) and those the channel posted, not answered yet.
  const reach = f.offset + f.limit;
  const newest = [desc(demands.createdAt), desc(demands.id)];
  const answered = db
    .select({ id: demands.id, createdAt: demands.createdAt })
    .from(demands)
    .where(and(...where, inArray(demands.state, [...answeredStates])))
    .orderBy(...newest)
    .limit(reach);
  const postedOnly = db
    .select({ id: demands.id, createdAt: demands.createdAt })
    .from(demands)
    .innerJoin(posted.table, eq(posted.demandId, demands.id))
    .where(and(...where, notInArray(demands.state, [...answeredStates])))
    .orderBy(...newest)
    .limit(reach);
  const ids = (
    await queryRows<{ id: number }>(
      db,
      sql`select id from ((${answered}) union all (${postedOnly})) page order by created_at desc, id desc limit ${f.limit} offset ${f.offset}`,
    )
  ).map((r) => Number(r.id));
  if (!ids.length) return [];
  const rows = await db
    .select({ d: demands, ...posted.fields })
    .from(demands)
    .leftJoin(posted.table, eq(posted.demandId, demands.id))
    .where(inArray(demands.id, ids))
    .orderBy(...newest);
  const page = rows as unknown as ({ d: DemandRow } & { [K in keyof F]: F[K]['_']['data'] | null })[];
  const texts = await publicTexts(
    db,
    page.map((r) => r.d),
  );
  return page.map((r) => ({
    ...r,
    text: texts.get(r.d.id)!,
  }));
}
