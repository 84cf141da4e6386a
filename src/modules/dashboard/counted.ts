import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { type Actor, scopeOf } from '../../kernel/index.js';
import { localDay } from '../calendar/index.js';
import { openStatesList } from '../demands/index.js';

/**
 * The actor's scope as region paths (undefined: the whole installation), or null when it goes by
 * units (a handler sees what its unit held, wherever): the same grants `visibleDemands` reads.
 */
export function regionScope(actor: Actor): string[] | undefined | null {
  if (actor.kind === 'resident') return null;
  const scope = scopeOf(actor);
  if (scope.all) return undefined;
  return scope.unitIds.length > 0 ? null : [...scope.regionPaths];
}

/**
 * 一屏's figures over demands by region, day, channel and state, read from the counters
 * (src/modules/dashboard/counters.ts) for a scope of regions: sums over a few thousand rows
 * where counting the demands read every one of a month's.
 */
export async function countedFigures(db: Db, paths: string[] | undefined, now: Date) {
  if (paths?.length === 0) return { today: [], open: [], places: [], month: { total: 0, closed: 0 } };
  const inScope: SQL = paths
    ? sql`and (${sql.join(
        paths.map((p) => sql`r.path like ${`${p}%`}`),
        sql` or `,
      )})`
    : sql``;
  const from = sql`from demand_day_counts c join regions r on r.id = c.region_id`;
  const today = localDay(now);
  const [byChannel, byState, places, [month]] = await Promise.all([
    queryRows<{ channel: string; n: number }>(
      db,
      sql`select c.channel, sum(c.n)::int as n ${from} where c.day = ${today}::date ${inScope} group by 1 having sum(c.n) > 0 order by 2 desc, 1`,
    ),
    queryRows<{ state: string; n: number }>(
      db,
      sql`select c.state, sum(c.n)::int as n ${from} where c.state in (${openStatesList}) ${inScope} group by 1 having sum(c.n) > 0`,
    ),
    queryRows<{ id: number; name: string; township_id: number | null; township: string | null; n: number }>(
      db,
      sql`select r.id, r.name, t.id as township_id, t.name as township, sum(c.n)::int as n ${from}
          left join regions t on t.level = 'township' and r.path like t.path || '%'
         where c.day >= ${localDay(new Date(now.getTime() - 30 * 86_400_000))}::date ${inScope}
         group by 1, 2, 3, 4 having sum(c.n) > 0 order by 5 desc limit 200`,
    ),
    queryRows<{ total: number; closed: number }>(
      db,
      sql`select coalesce(sum(c.n), 0)::int as total, coalesce(sum(c.n) filter (where c.state = 'closed'), 0)::int as closed
          ${from} where c.day >= ${`${today.slice(0, 7)}-01`}::date ${inScope}`,
    ),
  ]);
  return { today: byChannel, open: byState, places, month: month ?? { total: 0, closed: 0 } };
}
