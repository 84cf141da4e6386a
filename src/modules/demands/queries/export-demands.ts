import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';
import type { Actor } from '../../../kernel/index.js';
import { categoryOf } from '../../categories/index.js';
import { regionsByIds, unitsByIds } from '../../regions/index.js';
import { maySeePhone } from '../policy.js';
import type { ListDemandsFilter } from '../schema.js';
import { type DemandRow, demands } from '../tables.js';
import { countUpTo, listOrder, matchingDemands } from './list-demands.js';
import { isOverdue, phoneAsShown } from './present.js';

/** Rows read per query while an export streams: a page in memory at a time, whatever the file's length. */
export const exportPageSize = 1_000;

type Shown = 'number' | 'channel' | 'type' | 'state' | 'title' | 'content' | 'address' | 'anonymous' | 'reporterName' | 'replyText';
/** Milliseconds since the epoch, as the database gives them to either driver alike (a Date from one, text from the other). */
type Times = { createdAt: number; stageDueAt: number | null; closedAt: number | null };

/** A demand as a row of the export shows it, as the caller may see it (masked phones stay masked). */
export type ExportedDemand = Pick<DemandRow, Shown | 'reporterPhone'> &
  Times & { regionName: string; categoryName: string | null; unitName: string | null; overdue: boolean };

/** A row as read, before the caller's view of it: the region and unit by id, the phone as stored. */
type ExportRow = Pick<DemandRow, Shown | 'reporterPhone' | 'regionId' | 'unitId'> & Times & { categoryName: string | null };

/**
 * How many demands an export of this filter would hold, counting no further than one past `limit`
 * (a list longer than an export holds is refused before anything is sent).
 */
export async function countForExport(db: Db, actor: Actor, filter: ListDemandsFilter, now: Date, limit: number): Promise<number> {
  return countUpTo(db, await matchingDemands(db, actor, filter, now), limit);
}

/**
 * The ids of the filtered list in its order, read once (at most the export's limit, 100,000: under a
 * megabyte): resuming a cursor page after page read again every row the filter skipped on the way, some
 * 10,000 a page for a month of 10^5 demands (50 ms a page; 24 ms for all the ids).
 */
async function idsInOrder(db: Db, matching: SQL | undefined, sort: ListDemandsFilter['sort']): Promise<number[]> {
  const rows = await db
    .select({ id: demands.id })
    .from(demands)
    .where(matching)
    .orderBy(...listOrder(sort));
  return rows.map((r) => r.id);
}

const epochMs = (column: AnyPgColumn) => sql`floor(extract(epoch from ${column}) * 1000)::float8`;

/**
 * A page's rows by id, in the order of the ids, the filter checked again (a demand gone out of the list
 * meanwhile is left out). Only the columns the file shows, as plain rows: through drizzle's mapping, column
 * by column, the 9,500 rows of a month took 190 ms to read instead of 150. A category's full name is read
 * beside its row (one probe of the key); regions and units, a few hundred in a district, once an export.
 */
function readPage(db: Db, ids: number[], matching: SQL | undefined): Promise<ExportRow[]> {
  return queryRows<ExportRow>(
    db,
    sql`select ${demands.number} as "number", ${epochMs(demands.createdAt)} as "createdAt", ${demands.channel} as "channel",
               ${demands.type} as "type", ${demands.state} as "state", ${demands.title} as "title", ${demands.content} as "content",
               ${demands.regionId} as "regionId", ${demands.address} as "address",
               ${categoryOf(demands.categoryId).fullName} as "categoryName", ${demands.unitId} as "unitId",
               ${epochMs(demands.stageDueAt)} as "stageDueAt", ${demands.anonymous} as "anonymous",
               ${demands.reporterName} as "reporterName", ${demands.reporterPhone} as "reporterPhone",
               ${demands.replyText} as "replyText", ${epochMs(demands.closedAt)} as "closedAt"
          from unnest(${`{${ids.join(',')}}`}::bigint[]) with ordinality as page(id, ordinal)
          join ${demands} on ${demands.id} = page.id
          ${matching ? sql`where ${matching}` : sql``}
         order by page.ordinal`,
  );
}

/** Started now, awaited later: a rejection meanwhile (the client gone, the generator closed) is not left unhandled. */
function started<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Rows as the caller sees them, with the names of regions and units read once each for the whole export. */
function callerView(db: Db, actor: Actor, now: Date) {
  const regions = new Map<number, { name: string; path: string }>();
  const units = new Map<number, string>();
  // Whether a phone shows depends on the demand's region and unit alone: decided once for each pair.
  const phoneShown = new Map<string, boolean>();
  const showsPhone = (regionId: number, unitId: number | null) => {
    const key = `${regionId}:${unitId}`;
    let shown = phoneShown.get(key);
    if (shown === undefined) {
      const region = regions.get(regionId);
      // A region not found (none is: the key is a foreign key) shows no phone rather than guess.
      shown = region !== undefined && maySeePhone(actor, { regionPath: region.path, unitId });
      phoneShown.set(key, shown);
    }
    return shown;
  };
  const readNames = async (rows: ExportRow[]) => {
    const newRegions = [...new Set(rows.map((r) => r.regionId).filter((id) => !regions.has(id)))];
    const newUnits = [...new Set(rows.map((r) => r.unitId).filter((id): id is number => id !== null && !units.has(id)))];
    for (const r of await regionsByIds(db, newRegions)) regions.set(r.id, r);
    if (newUnits.length) for (const u of await unitsByIds(db, newUnits)) units.set(u.id, u.name);
  };
  return async (rows: ExportRow[]): Promise<ExportedDemand[]> => {
    await readNames(rows);
    return rows.map((r) => ({
      number: r.number,
      createdAt: r.createdAt,
      channel: r.channel,
      type: r.type,
      state: r.state,
      title: r.title,
      content: r.content,
      regionName: regions.get(r.regionId)?.name ?? '',
      address: r.address,
      categoryName: r.categoryName,
      unitName: r.unitId === null ? null : (units.get(r.unitId) ?? null),
      stageDueAt: r.stageDueAt,
      overdue: isOverdue(r, now),
      anonymous: r.anonymous,
      reporterName: r.reporterName,
      reporterPhone: phoneAsShown(r.reporterPhone, showsPhone(r.regionId, r.unitId)),
      replyText: r.replyText,
      closedAt: r.closedAt,
    }));
  };
}

/**
 * The filtered list in its own order, a page at a time, as the caller may see each demand (masked
 * phones stay masked): its ids first, then each page by id, the next page read while this one is
 * written (two pages held at most).
 */
export async function* demandsForExport(
  db: Db,
  actor: Actor,
  filter: ListDemandsFilter,
  now: Date,
  pageSize = exportPageSize,
): AsyncGenerator<ExportedDemand[]> {
  const matching = await matchingDemands(db, actor, filter, now);
  const ids = await idsInOrder(db, matching, filter.sort);
  const view = callerView(db, actor, now);
  const read = (at: number) => started(readPage(db, ids.slice(at, at + pageSize), matching));
  let next = ids.length ? read(0) : undefined;
  for (let at = 0; next; at += pageSize) {
    const rows = await next;
    next = at + pageSize < ids.length ? read(at + pageSize) : undefined;
    const page = await view(rows);
    if (page.length) yield page;
  }
}
