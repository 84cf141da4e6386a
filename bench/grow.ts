// The generator behind bench:scale: grows a district's database to N demands the way the app leaves
// them — states across the lifecycle, 12 months of creation times, a unit for everything dispatched,
// assignments, callbacks, replies and a timeline per demand — in set-based SQL, 50,000 at a time.
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { parseCsvObjects } from '../src/lib/csv.js';

export type Pool = { titles: string[]; contents: string[]; replies: string[] };

/** Texts from ../shared/data/replies.csv when present (real messages), else a few written here. */
export function textPool(sharedDir: string): Pool {
  const file = `${sharedDir}/replies.csv`;
  if (existsSync(file)) {
    const rows = parseCsvObjects(readFileSync(file, 'utf8')).filter((r) => r.title && r.body);
    return {
      titles: rows.map((r) => r.title),
      contents: rows.map((r) => r.body.slice(0, 600)),
      replies: rows.map((r) => (r.reply || '已处理。').slice(0, 400)),
    };
  }
  const base = [
    '小区门口路灯不亮',
    '广场舞噪音扰民',
    '物业乱收停车费',
    '井盖松动很危险',
    '垃圾桶满了没人清理',
    '自来水发黄',
    '占道经营',
    '油烟扰民',
  ];
  return {
    titles: base,
    contents: base.map((b) => `${b}，已经持续一周，晚上出行不便，希望尽快处理。`),
    replies: base.map((b) => `关于“${b}”，经现场核查已安排处理，感谢您的监督。`),
  };
}

export async function countDemands(db: Db) {
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from demands`);
  return Number(n);
}

/** Adds demands S<g> for g in (from, to], with their assignments, callbacks and events. */
export async function grow(db: Db, from: number, to: number, pool: Pool, log: (m: string) => void) {
  const [refs] = await queryRows<{ regions: number[]; units: number[]; cats: number[] }>(
    db,
    sql`select (select array_agg(id order by id) from regions where level = 'community') as regions,
               (select array_agg(id order by id) from units where active = 1) as units,
               (select array_agg(id order by id) from categories where level = 3) as cats`,
  );
  // The texts go into a table once: an array parameter would be copied for every generated row.
  await db.execute(sql`create table if not exists bench_texts (i int primary key, title text, content text, reply text)`);
  await db.execute(sql`truncate bench_texts`);
  for (let i = 0; i < pool.titles.length; i += 500) {
    const part = pool.titles
      .slice(i, i + 500)
      .map((title, k) => sql`(${i + k + 1}, ${title}, ${pool.contents[i + k]}, ${pool.replies[i + k]})`);
    await db.execute(sql`insert into bench_texts values ${sql.join(part, sql`, `)}`);
  }
  const poolSize = pool.titles.length;
  const regionsArr = `{${refs.regions.join(',')}}`;
  const unitsArr = `{${refs.units.join(',')}}`;
  const catsArr = `{${refs.cats.join(',')}}`;
  for (let start = from + 1; start <= to; start += 50_000) {
    const end = Math.min(to, start + 49_999);
    const t0 = performance.now();
    await db.execute(sql`
      with src as (
        select g,
               (array['closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed','closed',
                      'callback_done','callback_done','replied','replied','acknowledged','acknowledged','dispatched','registered'])[1 + ((g::bigint * 7) % 20)::int] as state,
               now() - ((g % 365) * interval '1 day') - (((g::bigint * 37) % 86400)::int * interval '1 second') as created_at,
               1 + ((g::bigint * 7919) % ${poolSize})::int as t
          from generate_series(${start}::int, ${end}::int) g)
      insert into demands (number, query_code_hash, channel, type, state, title, content, reporter_name, reporter_phone, region_id,
                           address, category_id, urgency, unit_id, stage_due_at, reply_due_at, reply_text, replied_at,
                           satisfaction, solved, closed_at, created_at, updated_at, version)
      select 'S' || lpad(g::text, 9, '0'), md5(g::text), (array['hotline','web','walk_in','hotline'])[1 + g % 4], 'complaint', state,
             x.title, x.content, '居民' || (g % 5000), '139' || lpad((g % 100000000)::text, 8, '0'),
             (${regionsArr}::int[])[1 + g % cardinality(${regionsArr}::int[])], '', (${catsArr}::int[])[1 + ((g::bigint * 13) % cardinality(${catsArr}::int[]))::int],
             'normal',
             case when state <> 'registered' then (${unitsArr}::int[])[1 + ((g::bigint * 31) % cardinality(${unitsArr}::int[]))::int] end,
             case when state in ('registered', 'dispatched', 'acknowledged') then created_at + interval '3 days'
                  when state = 'replied' then created_at + interval '10 days' end,
             case when state <> 'registered' then created_at + interval '15 days' end,
             case when state in ('replied', 'callback_done', 'closed') then x.reply end,
             case when state in ('replied', 'callback_done', 'closed') then created_at + ((g % 12) * interval '1 day') end,
             case when state in ('callback_done', 'closed') then (array['satisfied','satisfied','basically_satisfied','unsatisfied'])[1 + g % 4] end,
             case when state in ('callback_done', 'closed') then g % 5 <> 0 end,
             case when state = 'closed' then created_at + ((g % 12 + 1) * interval '1 day') end,
             created_at, created_at, 1
        from src join bench_texts x on x.i = src.t`);
    const range = sql`d.number between ${`S${String(start).padStart(9, '0')}`} and ${`S${String(end).padStart(9, '0')}`}`;
    await db.execute(sql`
      insert into assignments (demand_id, unit_id, dispatched_at, acknowledge_due_at, acknowledged_at)
      select d.id, d.unit_id, d.created_at + interval '1 hour', d.created_at + interval '1 day',
             case when d.state <> 'dispatched' then d.created_at + interval '5 hours' end
        from demands d where ${range} and d.unit_id is not null`);
    await db.execute(sql`
      insert into callbacks (demand_id, unit_id, satisfaction, solved, recorded_by, at)
      select d.id, d.unit_id, d.satisfaction, d.solved, null, d.replied_at + interval '1 day'
        from demands d where ${range} and d.satisfaction is not null`);
    await db.execute(sql`
      insert into demand_events (demand_id, action, from_state, to_state, actor_kind, at)
      select d.id, e.action, e.from_state, e.to_state, 'system', e.at
        from demands d
        cross join lateral (values
          ('register', null, 'registered', d.created_at, true),
          ('dispatch', 'registered', 'dispatched', d.created_at + interval '1 hour', d.unit_id is not null),
          ('acknowledge', 'dispatched', 'acknowledged', d.created_at + interval '5 hours', d.state not in ('registered', 'dispatched')),
          ('reply', 'acknowledged', 'replied', d.replied_at, d.replied_at is not null),
          ('record_callback', 'replied', 'callback_done', d.replied_at + interval '1 day', d.satisfaction is not null),
          ('close', 'callback_done', 'closed', d.closed_at, d.closed_at is not null)
        ) as e(action, from_state, to_state, at, happened)
       where ${range} and e.happened`);
    log(`  grew to ${end.toLocaleString('en')} demands (${Math.round(performance.now() - t0)} ms for this 50,000)`);
  }
  await db.execute(sql`analyze`);
}
