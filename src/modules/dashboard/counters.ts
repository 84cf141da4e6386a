import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { compactDeltas } from '../../db/compact-deltas.js';
import { queryRows } from '../../db/rows.js';
import type { AppContext, JobQueue } from '../../kernel/index.js';

/** 一屏's counters, compacted (rewriting every row each minute had left 644,491 dead rows beside 41,525 at 10^6). */
export const compactDemandCounts = (app: Pick<AppContext, 'db'>) =>
  compactDeltas(app.db, { name: 'demand_day_counts', keys: ['region_id', 'day', 'channel', 'state'], sums: ['n'] });

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
