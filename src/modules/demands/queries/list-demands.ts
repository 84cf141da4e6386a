import { and, asc, desc, eq, gt, gte, inArray, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';
import { containsPattern, underNode } from '../../../db/tree.js';
import type { Actor } from '../../../kernel/index.js';
import { categoryIdsWhere } from '../../categories/index.js';
import { regionIdsWhere } from '../../regions/index.js';
import { terminalStates } from '../lifecycle.js';
import { normalizePhone } from '../numbering.js';
import { type DemandSummaryView, encodeCursor, type ListDemandsFilter, type PageCursor } from '../schema.js';
import { demands, extensionRequests } from '../tables.js';
import { selectJoined } from './get-demand.js';
import { presentDemand } from './present.js';
import { heldByActor, unitWorkIds, visibleDemands } from './scope.js';

/**
 * Words typed by an operator: the demand number exactly, or text found through the bigram index
 * (two neighbouring characters, decision 0006) and checked exactly with ILIKE. A single character
 * has no bigram: that rare search reads the table.
 */
export function matchesText(q: string): SQL {
  const text = q.trim();
  const pattern = containsPattern(text);
  const exact = sql`(${demands.title} ilike ${pattern} or ${demands.content} ilike ${pattern})`;
  // Characters, not UTF-16 units: 𠮷 is one character and has no bigram.
  const plain = [...text.replace(/[\s'\\]/g, '')];
  if (plain.length < 2) return sql`(${demands.number} = ${text} or ${exact})`;
  // Two characters are one bigram: the index alone finds them, without reading each text again (most of a common word's
  // cost). Also across a space or quote in the text ("路 灯"), as the bigrams are cut without them.
  if (plain.length === 2 && plain.join('') === text)
    return sql`(${demands.number} = ${text} or "demands"."search" @@ tj_bigram_query(${text}))`;
  return sql`(${demands.number} = ${text} or ("demands"."search" @@ tj_bigram_query(${text}) and ${exact}))`;
}

/** Lists count their matches up to this many; past it they say "this many or more". */
export const countCap = 10_000;
/** A word search counts this far: past it the desk narrows the search rather than reads on. */
export const searchCountCap = 1_000;
/**
 * Newest first, a word search looks among the newest demands before the older ones: a common word
 * ("路灯") matches tens of thousands of demands, and checking them all to show the newest twenty
 * read each of them; the newest window holds the page, and only a rarer word widens it.
 */
export const searchWindows = [20_000, 200_000];

/** What a list's filter selects, in the caller's scope (before any cursor): shared by the list and its exports. */
export async function matchingDemands(db: Db, actor: Actor, filter: ListDemandsFilter, now: Date): Promise<SQL | undefined> {
  const where = await matchingParts(db, actor, filter, now);
  return and(...where.filter((w): w is SQL => w !== undefined));
}

/** The scope, then one condition per filter given. */
async function matchingParts(db: Db, actor: Actor, filter: ListDemandsFilter, now: Date): Promise<(SQL | undefined)[]> {
  // What a unit holds now, or is asked now to help with or take over, it may see: for 待办 that
  // condition alone scopes the list, without the visibility test over every assignment it ever had.
  const where: (SQL | undefined)[] = [filter.held === 'mine' ? await heldByActor(db, actor) : visibleDemands(actor)];
  if (filter.state?.length) where.push(inArray(demands.state, filter.state));
  if (filter.unitId) where.push(eq(demands.unitId, filter.unitId));
  if (filter.channel) where.push(eq(demands.channel, filter.channel));
  if (filter.type) where.push(eq(demands.type, filter.type));
  if (filter.supervised !== undefined) where.push(eq(demands.supervised, filter.supervised));
  if (filter.extensionPending) {
    where.push(sql`exists (select 1 from ${extensionRequests} x where x.demand_id = ${demands.id} and x.status = 'pending')`);
  }
  const { regionId, categoryId } = filter;
  if (regionId) where.push(sql`${demands.regionId} in ${regionIdsWhere((path) => underNode(path, 'regions', regionId))}`);
  if (categoryId) where.push(sql`${demands.categoryId} in ${categoryIdsWhere((path) => underNode(path, 'categories', categoryId))}`);
  if (filter.overdue !== undefined || filter.dueWithinHours) where.push(notInArray(demands.state, [...terminalStates]));
  if (filter.overdue === true) where.push(lt(demands.stageDueAt, now));
  if (filter.overdueDays) {
    where.push(
      notInArray(demands.state, [...terminalStates]),
      lt(demands.stageDueAt, new Date(now.getTime() - filter.overdueDays * 86_400_000)),
    );
  }
  if (filter.overdue === false) where.push(sql`(${demands.stageDueAt} is null or ${demands.stageDueAt} >= ${now})`);
  if (filter.dueWithinHours) {
    where.push(gte(demands.stageDueAt, now), lte(demands.stageDueAt, new Date(now.getTime() + filter.dueWithinHours * 3_600_000)));
  }
  if (filter.phone) where.push(eq(demands.reporterPhone, normalizePhone(filter.phone)));
  if (filter.from) where.push(gte(demands.createdAt, new Date(filter.from)));
  if (filter.to) where.push(lt(demands.createdAt, new Date(filter.to)));
  if (filter.q) where.push(matchesText(filter.q));
  return where;
}

/** A list's order: by deadline, oldest or (by default) newest first; the id breaks ties so that a cursor resumes exactly. */
export function listOrder(sort: ListDemandsFilter['sort']): SQL[] {
  if (sort === 'due') return [sql`${demands.stageDueAt} asc nulls last`, asc(demands.id)];
  return sort === 'oldest' ? [asc(demands.id)] : [desc(demands.id)];
}

/**
 * How many demands match, counting no further than `cap` + 1. Over demands alone: regions and categories enter
 * as sets of ids, so the open-demands index can count without a demand's row.
 */
export async function countUpTo(db: Db, condition: SQL | undefined, cap: number): Promise<number> {
  const matching = db
    .select({ one: sql`1` })
    .from(demands)
    .where(condition)
    .limit(cap + 1)
    .as('matching');
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(matching);
  return Number(n);
}

/** How many ids a set holds, counting no further than `cap` + 1. */
async function countIdsUpTo(db: Db, ids: SQL, cap: number): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from (${ids}) w limit ${cap + 1}) m`);
  return Number(n);
}

export async function listDemands(
  db: Db,
  actor: Actor,
  filter: ListDemandsFilter,
  now: Date,
  cap = countCap,
  windows = searchWindows,
): Promise<{
  items: DemandSummaryView[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  nextCursor: string | null;
}> {
  const parts = await matchingParts(db, actor, filter, now);
  const counting = and(...parts.filter((w): w is SQL => w !== undefined));
  const condition = filter.after ? and(counting, afterCursor(filter.sort, filter.after)) : counting;
  const order = listOrder(filter.sort);

  const page = (extra?: SQL) =>
    selectJoined(db)
      .where(extra ? and(condition, extra) : condition)
      .orderBy(...order)
      .limit(filter.pageSize)
      .offset(filter.after ? 0 : (filter.page - 1) * filter.pageSize);
  // A word search looks among the newest demands first (searchWindows), for its page and its count; a number (a demand's,
  // a phone's) matches a few demands at most, so the windows would only be read in vain before the whole table.
  const windowed = !!filter.q && !/\d{6}/.test(filter.q);
  const top = windowed ? Number((await db.select({ top: sql<number>`coalesce(max(${demands.id}), 0)` }).from(demands))[0].top) : 0;
  const newestWindows = windows.filter((w) => top > w).map((w) => gt(demands.id, top - w));
  let rows: Awaited<ReturnType<typeof page>> | undefined;
  if (filter.q && (filter.sort ?? 'newest') === 'newest') {
    for (const newest of newestWindows) {
      const found = await page(newest);
      if (found.length === filter.pageSize) {
        rows = found;
        break;
      }
    }
  }
  // A unit's whole work, unfiltered (a handler's 全部): its page and its count are read from its ids alone, so demands
  // of other units (a backlog not yet dispatched at the newest end) are never walked past.
  const work = parts.length === 1 && filter.held !== 'mine' ? unitWorkIds(actor) : null;
  if (work && filter.sort !== 'due') {
    const oldest = filter.sort === 'oldest';
    const past = filter.after ? sql` where w.id ${oldest ? sql`>` : sql`<`} ${filter.after.id}` : sql``;
    const skip = filter.after ? 0 : (filter.page - 1) * filter.pageSize;
    const ids = sql`(select w.id from (${work}) as w(id)${past} order by w.id ${oldest ? sql`asc` : sql`desc`} limit ${filter.pageSize} offset ${skip})`;
    rows ??= await selectJoined(db)
      .where(sql`${demands.id} in ${ids}`)
      .orderBy(...order);
  }
  rows ??= await page();
  const counted = filter.q ? Math.min(cap, searchCountCap) : cap;
  // Counting stops past the cap: a queue of 150,000 is "10,000 or more", read in milliseconds, not a scan.
  const count = (extra?: SQL) => countUpTo(db, extra ? and(counting, extra) : counting, counted);
  // Past the cap within the newest demands is past it over all of them: a common word stops there. Only the smallest
  // window: a wider one builds a bitmap of its ids that costs more than counting over all, which stops at the cap too
  // (10^6 demands, 路灯: 29 ms in the newest 200,000, 10 ms over all).
  let n: number | undefined;
  for (const newest of newestWindows.slice(0, 1)) {
    const k = await count(newest);
    if (k > counted) {
      n = k;
      break;
    }
  }
  n ??= work ? await countIdsUpTo(db, work, counted) : await count();
  const totalCapped = n > counted;
  const last = rows.at(-1)?.demand;
  return {
    items: rows.map((r) => presentDemand(actor, r, now)),
    total: totalCapped ? counted : n,
    totalCapped,
    page: filter.page,
    pageSize: filter.pageSize,
    nextCursor: last && rows.length === filter.pageSize ? encodeCursor({ at: last.stageDueAt, id: last.id }) : null,
  };
}

/** The rows after a cursor in the list's own order, so that the next page starts on the index where the last ended. */
export function afterCursor(sort: ListDemandsFilter['sort'], c: PageCursor): SQL {
  if (sort === 'newest') return lt(demands.id, c.id);
  if (sort === 'oldest') return gt(demands.id, c.id);
  // By deadline, nulls last, then id.
  if (!c.at) return sql`(${demands.stageDueAt} is null and ${demands.id} > ${c.id})`;
  return sql`((${demands.stageDueAt}, ${demands.id}) > (${c.at.toISOString()}::timestamptz, ${c.id}) or ${demands.stageDueAt} is null)`;
}
