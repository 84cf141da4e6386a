import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { AppContext, JobQueue } from '../../kernel/index.js';

/**
 * Sums each group's deltas written so far into one row, in one statement: rows written meanwhile
 * have higher ids and are left for the next time. Derived data, like a cache: no audit event.
 */
export async function compactDemandCounts(app: Pick<AppContext, 'db'>): Promise<{ rows: number }> {
  const [r] = await queryRows<{ rows: number }>(
    app.db,
    sql`with upto as (select max(id) as id from demand_day_counts),
         moved as (delete from demand_day_counts where id <= (select id from upto)
                   returning region_id, day, channel, state, n),
         summed as (insert into demand_day_counts (region_id, day, channel, state, n)
                    select region_id, day, channel, state, sum(n)::int from moved
                     group by 1, 2, 3, 4 having sum(n) <> 0 returning 1)
       select (select count(*) from moved)::int as rows`,
  );
  return { rows: Number(r?.rows ?? 0) };
}

/** Keeps the counters compact through the job queue: every minute, in one process at a time. */
export async function scheduleCounterCompaction(app: AppContext, jobs: JobQueue): Promise<void> {
  await jobs.every('compact-demand-counts', '* * * * *', () => compactDemandCounts(app));
}

/** What the counters hold, summed per group: the same as counting the demands (a test's yardstick). */
export const countersByGroup = (db: Db) =>
  queryRows<{ region_id: number; day: string; channel: string; state: string; n: number }>(
    db,
    sql`select region_id, day::text as day, channel, state, sum(n)::int as n from demand_day_counts
         group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`,
  );
