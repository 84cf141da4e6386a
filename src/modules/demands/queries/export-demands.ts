import { and } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../kernel/index.js';
import type { DemandSummaryView, ListDemandsFilter, PageCursor } from '../schema.js';
import { selectJoined } from './get-demand.js';
import { afterCursor, countUpTo, listOrder, matchingDemands } from './list-demands.js';
import { presentDemand } from './present.js';

/** Rows read per query while an export streams: a page in memory at a time, whatever the file's length. */
export const exportPageSize = 1_000;

/**
 * How many demands an export of this filter would hold, counting no further than one past `limit`
 * (a list longer than an export holds is refused before anything is sent).
 */
export async function countForExport(db: Db, actor: Actor, filter: ListDemandsFilter, now: Date, limit: number): Promise<number> {
  return countUpTo(db, await matchingDemands(db, actor, filter, now), limit);
}

/**
 * The filtered list in its own order, a page at a time, each page resuming on the index where the
 * last ended (the list's cursor), as the caller may see each demand (masked phones stay masked).
 */
export async function* demandsForExport(
  db: Db,
  actor: Actor,
  filter: ListDemandsFilter,
  now: Date,
  pageSize = exportPageSize,
): AsyncGenerator<DemandSummaryView[]> {
  const matching = await matchingDemands(db, actor, filter, now);
  const order = listOrder(filter.sort);
  let after: PageCursor | undefined;
  for (;;) {
    const rows = await selectJoined(db)
      .where(after ? and(matching, afterCursor(filter.sort, after)) : matching)
      .orderBy(...order)
      .limit(pageSize);
    if (rows.length) yield rows.map((r) => presentDemand(actor, r, now));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1].demand;
    after = { at: last.stageDueAt, id: last.id };
  }
}
