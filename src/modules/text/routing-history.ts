import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import type { AppContext, JobQueue } from '../../kernel/index.js';

/**
 * Sums the routing history's rows of each unit and category written more than once into one row, in one
 * statement; rows written meanwhile have higher ids and wait for the next time. Derived data: no audit event.
 */
export async function compactRoutingHistory(app: Pick<AppContext, 'db'>): Promise<{ rows: number }> {
  const [r] = await queryRows<{ rows: number }>(
    app.db,
    sql`with upto as (select max(id) as id from unit_category_history),
         split as (select unit_id, category_id from unit_category_history where id <= (select id from upto)
                    group by 1, 2 having count(*) > 1),
         moved as (delete from unit_category_history h using split g
                    where h.id <= (select id from upto) and (h.unit_id, h.category_id) = (g.unit_id, g.category_id)
                   returning h.unit_id, h.category_id, h.dispatched, h.returned),
         summed as (insert into unit_category_history (unit_id, category_id, dispatched, returned)
                    select unit_id, category_id, sum(dispatched)::int, sum(returned)::int from moved group by 1, 2 returning 1)
       select (select count(*) from moved)::int as rows`,
  );
  return { rows: Number(r?.rows ?? 0) };
}

/** Every minute, in one process at a time. */
export async function scheduleRoutingHistoryCompaction(app: AppContext, jobs: JobQueue): Promise<void> {
  await jobs.every('compact-routing-history', '* * * * *', () => compactRoutingHistory(app));
}
