import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { Marks, RateCounts } from './rates.js';

export type DayCounts = RateCounts & Marks & { unitId: number; day: string };

/**
 * The counts behind 三率 per unit and local day for instants in [start, end) (definitions in
 * docs/rates.md): what a rollup stores for a day that is over, and what a month adds live for the
 * days not rolled up yet. Each part is a range scan on its own time column.
 */
export async function countsByUnitDay(db: Db | Tx, start: Date, end: Date, now: Date): Promise<DayCounts[]> {
  const s = start.toISOString();
  const e = end.toISOString();
  return queryRows<DayCounts>(
    db,
    sql`
    with a as (
      select unit_id, tingjian_local_day(dispatched_at) as day,
             count(*)::int as dispatched,
             count(*) filter (where (acknowledged_at is not null and acknowledged_at <= acknowledge_due_at)
                                 or (end_reason = 'returned' and ended_at <= acknowledge_due_at))::int as responded
        from assignments
       where dispatched_at >= ${s}::timestamptz and dispatched_at < ${e}::timestamptz
       group by 1, 2),
    cb as (
      select unit_id, tingjian_local_day(at) as day,
             count(*)::int as called_back,
             count(*) filter (where solved)::int as solved,
             count(*) filter (where satisfaction in ('satisfied', 'basically_satisfied'))::int as satisfied
        from callbacks
       where at >= ${s}::timestamptz and at < ${e}::timestamptz and unit_id is not null
       group by 1, 2),
    cl as (
      select unit_id, tingjian_local_day(closed_at) as day,
             count(*)::int as closed,
             count(*) filter (where replied_at is not null and reply_due_at is not null and replied_at <= reply_due_at)::int as closed_on_time
        from demands
       where state = 'closed' and closed_at >= ${s}::timestamptz and closed_at < ${e}::timestamptz and unit_id is not null
       group by 1, 2),
    sv as (
      select unit_id, tingjian_local_day(created_at) as day,
             count(*) filter (where level = 'township')::int as yellow,
             count(*) filter (where level = 'district')::int as red
        from demand_supervisions
       where created_at >= ${s}::timestamptz and created_at < ${e}::timestamptz and unit_id is not null
       group by 1, 2),
    od as (
      select unit_id, tingjian_local_day(reply_due_at) as day, count(*)::int as overdue
        from demands
       where reply_due_at >= ${s}::timestamptz and reply_due_at < ${e}::timestamptz and reply_due_at < ${now.toISOString()}::timestamptz
         and unit_id is not null and (replied_at is null or replied_at > reply_due_at) and state not in ('declined', 'withdrawn', 'merged')
       group by 1, 2),
    k as (
      select unit_id, day from a union select unit_id, day from cb union select unit_id, day from cl
      union select unit_id, day from sv union select unit_id, day from od)
    select k.unit_id as "unitId", k.day::text as "day",
           coalesce(a.dispatched, 0) as "dispatched", coalesce(a.responded, 0) as "respondedInTime",
           coalesce(cb.called_back, 0) as "calledBack", coalesce(cb.solved, 0) as "solved", coalesce(cb.satisfied, 0) as "satisfied",
           coalesce(cl.closed, 0) as "closed", coalesce(cl.closed_on_time, 0) as "closedOnTime",
           coalesce(sv.yellow, 0) as "yellow", coalesce(sv.red, 0) as "red", coalesce(od.overdue, 0) as "overdue"
      from k
      left join a on a.unit_id = k.unit_id and a.day = k.day
      left join cb on cb.unit_id = k.unit_id and cb.day = k.day
      left join cl on cl.unit_id = k.unit_id and cl.day = k.day
      left join sv on sv.unit_id = k.unit_id and sv.day = k.day
      left join od on od.unit_id = k.unit_id and od.day = k.day`,
  );
}
