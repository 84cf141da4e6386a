import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { computeRates, type Marks, monthRange, type RateCounts, type UnitRates } from './rates.js';

/** Gathers the counts behind 三率 for every unit in a local month (definitions in docs/rates.md). */
export async function unitRatesForMonth(db: Db, month: string, now = new Date()): Promise<UnitRates[]> {
  const { start, end } = monthRange(month);
  const rows = await queryRows<RateCounts & Marks & { unitId: number; unitName: string; unitKind: string }>(
    db,
    sql`
    with a as (
      select unit_id,
             count(*)::int as dispatched,
             count(*) filter (where (acknowledged_at is not null and acknowledged_at <= acknowledge_due_at)
                                 or (end_reason = 'returned' and ended_at <= acknowledge_due_at))::int as responded
        from assignments
       where dispatched_at >= ${start} and dispatched_at < ${end}
       group by unit_id),
    cb as (
      select unit_id,
             count(*)::int as called_back,
             count(*) filter (where solved)::int as solved,
             count(*) filter (where satisfaction in ('satisfied', 'basically_satisfied'))::int as satisfied
        from callbacks
       where at >= ${start} and at < ${end} and unit_id is not null
       group by unit_id),
    cl as (
      select unit_id,
             count(*)::int as closed,
             count(*) filter (where replied_at is not null and reply_due_at is not null and replied_at <= reply_due_at)::int as closed_on_time
        from demands
       where state = 'closed' and closed_at >= ${start} and closed_at < ${end} and unit_id is not null
       group by unit_id),
    sv as (
      select unit_id,
             count(*) filter (where level = 'township')::int as yellow,
             count(*) filter (where level = 'district')::int as red
        from demand_supervisions
       where created_at >= ${start} and created_at < ${end} and unit_id is not null
       group by unit_id),
    od as (
      select unit_id, count(*)::int as overdue
        from demands
       where reply_due_at >= ${start} and reply_due_at < ${end} and reply_due_at < ${now} and unit_id is not null
         and (replied_at is null or replied_at > reply_due_at) and state not in ('declined', 'withdrawn', 'merged')
       group by unit_id)
    select u.id as "unitId", u.name as "unitName", u.kind as "unitKind",
           coalesce(a.dispatched, 0) as "dispatched", coalesce(a.responded, 0) as "respondedInTime",
           coalesce(cb.called_back, 0) as "calledBack", coalesce(cb.solved, 0) as "solved", coalesce(cb.satisfied, 0) as "satisfied",
           coalesce(cl.closed, 0) as "closed", coalesce(cl.closed_on_time, 0) as "closedOnTime",
           coalesce(sv.yellow, 0) as "yellow", coalesce(sv.red, 0) as "red", coalesce(od.overdue, 0) as "overdue"
      from units u
      left join a on a.unit_id = u.id
      left join cb on cb.unit_id = u.id
      left join cl on cl.unit_id = u.id
      left join sv on sv.unit_id = u.id
      left join od on od.unit_id = u.id
     where a.unit_id is not null or cb.unit_id is not null or cl.unit_id is not null or sv.unit_id is not null or od.unit_id is not null
     order by u.id`,
  );
  return rows.map(({ unitId, unitName, unitKind, yellow, red, overdue, ...counts }) => ({
    unitId,
    unitName,
    unitKind,
    counts,
    rates: computeRates(counts),
    marks: { yellow, red, overdue },
  }));
}
