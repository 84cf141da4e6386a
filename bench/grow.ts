// The generator behind bench:scale: grows a district's database to N demands the way the app leaves
// them — states across the lifecycle, 12 months of creation times, a unit for everything dispatched,
// assignments, callbacks, replies and a timeline per demand — in set-based SQL, 50,000 at a time.
import { existsSync, readFileSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { parseCsvObjects } from '../src/lib/csv.js';

export type Pool = { titles: string[]; contents: string[]; replies: string[]; labels: string[] };

/**
 * Texts from ../shared/data when present: the labelled messages (title, body and their first-level
 * category, so a generated demand's category matches its words) and the real replies; else a few
 * written here.
 */
export function textPool(sharedDir: string): Pool {
  const labelled = `${sharedDir}/labeled-large.csv`;
  const answered = `${sharedDir}/replies.csv`;
  if (existsSync(labelled) && existsSync(answered)) {
    const rows = parseCsvObjects(readFileSync(labelled, 'utf8')).filter((r) => r.title && r.body && r.body_kind === 'raw');
    const replies = parseCsvObjects(readFileSync(answered, 'utf8'))
      .map((r) => r.reply)
      .filter(Boolean);
    return {
      titles: rows.map((r) => r.title),
      // A desk's summary of a call runs to a few hundred characters; the letters behind these are longer.
      contents: rows.map((r) => r.body.slice(0, 300)),
      replies: rows.map((_, i) => replies[i % replies.length].slice(0, 400)),
      labels: rows.map((r) => r.label),
    };
  }
  const base: [string, string][] = [
    ['小区门口路灯不亮', '城乡建设'],
    ['广场舞噪音扰民', '环境保护'],
    ['物业乱收停车费', '城乡建设'],
    ['井盖松动很危险', '城乡建设'],
    ['垃圾桶满了没人清理', '环境保护'],
    ['自来水发黄', '城乡建设'],
    ['占道经营', '商贸旅游'],
    ['油烟扰民', '环境保护'],
  ];
  return {
    titles: base.map(([b]) => b),
    contents: base.map(([b]) => `${b}，已经持续一周，晚上出行不便，希望尽快处理。`),
    replies: base.map(([b]) => `关于“${b}”，经现场核查已安排处理，感谢您的监督。`),
    labels: base.map(([, l]) => l),
  };
}

export async function countDemands(db: Db) {
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from demands`);
  return Number(n);
}

/**
 * Adds demands S<g> for g in (from, to], with their assignments, callbacks and events, as a district
 * leaves them: created evenly over 365 days; dispatched an hour after intake to the unit that owns
 * the category (one in ten elsewhere), one in twenty first to another unit that returned it;
 * acknowledged within hours, answered in 1–12 days, called back a day later and closed; one in 300
 * never answered (the long tail of overdue work). So what is open is the last two weeks' intake plus
 * that tail, as on a real desk, and every state follows from the demand's age at the time of growing.
 */
export async function grow(db: Db, from: number, to: number, pool: Pool, log: (m: string) => void) {
  const [refs] = await queryRows<{ regions: number[]; units: number[] }>(
    db,
    sql`select (select array_agg(id order by id) from regions where level = 'community') as regions,
               (select array_agg(id order by id) from units where active = 1) as units`,
  );
  // The texts go into a table once, each with a category under its own first-level label: an array
  // parameter would be copied for every generated row.
  await db.execute(
    sql`create table if not exists bench_texts (i int primary key, title text, content text, reply text, label text, category_id int)`,
  );
  await db.execute(sql`alter table bench_texts add column if not exists label text`);
  await db.execute(sql`alter table bench_texts add column if not exists category_id int`);
  await db.execute(sql`truncate bench_texts`);
  for (let i = 0; i < pool.titles.length; i += 500) {
    const part = pool.titles
      .slice(i, i + 500)
      .map((title, k) => sql`(${i + k + 1}, ${title}, ${pool.contents[i + k]}, ${pool.replies[i + k]}, ${pool.labels[i + k]})`);
    await db.execute(sql`insert into bench_texts (i, title, content, reply, label) values ${sql.join(part, sql`, `)}`);
  }
  await db.execute(sql`
    update bench_texts x set category_id = coalesce(
      (select a.ids[1 + (x.i * 7919) % cardinality(a.ids)]
         from (select array_agg(id order by id) as ids from categories
                where level = 3 and split_part(full_name, '/', 1) = x.label) a),
      (select array_agg(id order by id) from categories where level = 3)[1 + (x.i * 7919) % 400])`);
  const poolSize = pool.titles.length;
  const regionsArr = `{${refs.regions.join(',')}}`;
  const unitsArr = `{${refs.units.join(',')}}`;
  const h = (k: number) => sql.raw(`((g::bigint * ${k}) % 1000003)`);
  // The word-search index is most of an insert's cost (a GIN entry per pair of characters): a bulk load
  // drops it and builds it once at the end, as one would load a district's history.
  const bulk = to - from > 100_000;
  if (bulk) await db.execute(sql`drop index if exists demands_search_idx`);
  // BENCH_GROW_WORKERS=2 grows two chunks at a time on two connections (each its own chunk table):
  // the day counts and rollup marks only append rows.
  const workers = Math.max(1, Number(process.env.BENCH_GROW_WORKERS ?? 1));
  const starts: number[] = [];
  for (let start = from + 1; start <= to; start += 50_000) starts.push(start);
  // Two workers' history triggers upsert the same (unit, category) rows in their own order: a
  // deadlock aborts one statement, which is then run again.
  const run = async (query: SQL): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.execute(query);
        return;
      } catch (e) {
        const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
        if (code !== '40P01' || attempt >= 5) throw e;
      }
    }
  };
  const growChunks = async (worker: number) => {
    const chunkTable = sql.raw(worker === 0 ? 'bench_chunk' : `bench_chunk_${worker}`);
    for (const start of starts.filter((_, i) => i % workers === worker)) {
      const end = Math.min(to, start + 49_999);
      const t0 = performance.now();
      const steps: string[] = [];
      let tStep = t0;
      const lap = (name: string) => {
        const t = performance.now();
        steps.push(`${name} ${Math.round((t - tStep) / 1000)} s`);
        tStep = t;
      };
      await run(sql`drop table if exists ${chunkTable}`);
      // Each demand's story as times after its intake; its state is where that story is now.
      await run(sql`
      create table ${chunkTable} as
      with base as (
        select g, x.title, x.content, x.reply, x.category_id,
               now() - ((g % 365) * interval '1 day') - ((${h(37)} % 86400)::int * interval '1 second') as created_at,
               -- returns only among demands older than a day, so none is caught between its two units
               ${h(17)} % 20 = 0 and g % 365 <> 0 as returned_first,
               ${h(13)} % 300 = 0 as stuck,
               (1 + ${h(7)} % 12) * interval '1 day' + (${h(11)} % 86400) * interval '1 second' as to_reply,
               ${h(23)} % 100 as roll
          from generate_series(${start}::int, ${end}::int) g
          join bench_texts x on x.i = 1 + ((g::bigint * 7919) % ${poolSize})::int),
      timed as (
        select b.*,
               created_at + interval '1 hour' as t_dispatch,
               created_at + interval '3 hours' as t_return,
               created_at + case when returned_first then interval '4 hours' else interval '1 hour' end as t_held,
               created_at + case when returned_first then interval '8 hours' else interval '5 hours' end as t_ack,
               created_at + to_reply as t_reply,
               created_at + to_reply + interval '1 day' as t_callback,
               created_at + to_reply + interval '36 hours' as t_close,
               (${unitsArr}::int[])[1 + ((case when roll < 90 then category_id else g end)::bigint * 31 % cardinality(${unitsArr}::int[]))::int] as unit_now,
               (${unitsArr}::int[])[1 + ((category_id::bigint * 31 + 1) % cardinality(${unitsArr}::int[]))::int] as unit_first
          from base b)
      select t.*,
             case when now() < t_dispatch then 'registered'
                  when now() < t_ack then 'dispatched'
                  when stuck or now() < t_reply then 'acknowledged'
                  when now() < t_callback then 'replied'
                  when now() < t_close then 'callback_done'
                  else 'closed' end as state
        from timed t`);
      lap('plan');
      await run(sql`
      insert into demands (number, query_code_hash, channel, type, state, title, content, reporter_name, reporter_phone, region_id,
                           address, category_id, urgency, unit_id, stage_due_at, reply_due_at, reply_text, replied_at,
                           satisfaction, solved, closed_at, created_at, updated_at, version)
      select 'S' || lpad(g::text, 9, '0'), md5(g::text), (array['hotline','web','walk_in','hotline','city12345'])[1 + g % 5], 'complaint', state,
             title, content, '居民' || (g % 5000),
             -- one caller in five has called before (a few hundred thousand regulars)
             '139' || lpad((case when roll % 5 = 0 then g % 200000 else g end)::text, 8, '0'),
             (${regionsArr}::int[])[1 + g % cardinality(${regionsArr}::int[])], '', category_id, 'normal',
             case when state not in ('registered', 'returned') then unit_now end,
             case state when 'registered' then created_at + interval '2 hours'
                        when 'returned' then t_return + interval '2 hours'
                        when 'dispatched' then t_held + interval '1 day'
                        when 'acknowledged' then t_held + interval '15 days'
                        when 'replied' then t_reply + interval '3 days' end,
             case when state not in ('registered', 'returned') then t_held + interval '15 days' end,
             case when state in ('replied', 'callback_done', 'closed') then reply end,
             case when state in ('replied', 'callback_done', 'closed') then t_reply end,
             case when state in ('callback_done', 'closed') then (array['satisfied','satisfied','satisfied','basically_satisfied','basically_satisfied','satisfied','unsatisfied'])[1 + g % 7] end,
             case when state in ('callback_done', 'closed') then roll % 8 <> 0 end,
             case when state = 'closed' then t_close end,
             created_at, created_at, 1
        from ${chunkTable}`);
      lap('demands');
      const joined = sql`from ${chunkTable} c join demands d on d.number = 'S' || lpad(c.g::text, 9, '0')`;
      await run(sql`
      insert into assignments (demand_id, unit_id, dispatched_at, acknowledge_due_at, acknowledged_at, ended_at, end_reason)
      select d.id, c.unit_first, c.t_dispatch, c.t_dispatch + interval '1 day', null, c.t_return, 'returned'
        ${joined} where c.returned_first
      union all
      select d.id, c.unit_now, c.t_held, c.t_held + interval '1 day',
             case when c.state not in ('dispatched') then c.t_ack end,
             case when c.state = 'closed' then c.t_close end,
             case when c.state = 'closed' then 'closed' end
        ${joined} where c.state not in ('registered', 'returned')
       order by 3`);
      lap('assignments');
      await run(sql`
      insert into callbacks (demand_id, unit_id, satisfaction, solved, recorded_by, at)
      select d.id, d.unit_id, d.satisfaction, d.solved, null, c.t_callback
        ${joined} where d.satisfaction is not null
       order by c.t_callback`);
      lap('callbacks');
      await run(sql`
      insert into demand_events (demand_id, action, from_state, to_state, actor_kind, reason, at)
      select d.id, e.action, e.from_state, e.to_state, 'system', e.reason, e.at
        ${joined}
        cross join lateral (values
          ('register', null, 'registered', c.created_at, null, true),
          ('dispatch', 'registered', 'dispatched', c.t_dispatch, null, c.state <> 'registered'),
          ('return', 'dispatched', 'returned', c.t_return, '不属于本单位职责', c.returned_first),
          ('dispatch', 'returned', 'dispatched', c.t_held, null, c.returned_first),
          ('acknowledge', 'dispatched', 'acknowledged', c.t_ack, null, c.state not in ('registered', 'returned', 'dispatched')),
          ('reply', 'acknowledged', 'replied', c.t_reply, null, d.replied_at is not null),
          ('record_callback', 'replied', 'callback_done', c.t_callback, null, d.satisfaction is not null),
          ('close', 'callback_done', 'closed', c.t_close, null, d.closed_at is not null)
        ) as e(action, from_state, to_state, at, reason, happened)
       where e.happened
       order by e.at`);
      lap('events');
      log(`  grew to ${end.toLocaleString('en')} demands (${Math.round(performance.now() - t0)} ms for this 50,000: ${steps.join(', ')})`);
    }
    await run(sql`drop table if exists ${chunkTable}`);
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => growChunks(w)));
  if (bulk) {
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '4GB'`);
      await tx.execute(sql`create index if not exists demands_search_idx on demands using gin (search)`);
    });
    log(`  word-search index built in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  // As autovacuum would leave a database that has been running: statistics, and the visibility map
  // that lets a count read an index alone.
  await db.execute(sql`vacuum analyze`);
}

/**
 * A desk's backlog: `n` demands taken in through the public form over the last three days and not
 * dispatched yet (a holiday's intake, or a city desk behind its calls), numbered B<g>. The story
 * generator above keeps only the last hour's intake registered; this is the queue it never meets.
 */
export async function growBacklog(db: Db, n: number, pool: Pool, log: (m: string) => void) {
  const [{ have }] = await queryRows<{ have: number }>(db, sql`select count(*)::int as have from demands where number like 'B%'`);
  if (Number(have) >= n) return;
  const [refs] = await queryRows<{ regions: number[] }>(
    db,
    sql`select (select array_agg(id order by id) from regions where level = 'community') as regions`,
  );
  const regionsArr = `{${refs.regions.join(',')}}`;
  const poolSize = pool.titles.length;
  const t0 = performance.now();
  for (let start = Number(have) + 1; start <= n; start += 50_000) {
    const end = Math.min(n, start + 49_999);
    await db.execute(sql`
      insert into demands (number, query_code_hash, channel, type, state, title, content, reporter_name, reporter_phone, region_id,
                           address, urgency, stage_due_at, created_at, updated_at, version)
      select 'B' || lpad(g::text, 9, '0'), md5('B' || g), 'web', 'complaint', 'registered', x.title, x.content, '居民' || (g % 5000),
             '137' || lpad(g::text, 8, '0'), (${regionsArr}::int[])[1 + g % cardinality(${regionsArr}::int[])], '', 'normal',
             t.at + interval '2 hours', t.at, t.at, 1
        from generate_series(${start}::int, ${end}::int) g
        join bench_texts x on x.i = 1 + ((g::bigint * 7919) % ${poolSize})::int
        cross join lateral (select now() - ((g % 259200) * interval '1 second') as at) t`);
    await db.execute(sql`
      insert into demand_events (demand_id, action, from_state, to_state, actor_kind, at)
      select d.id, 'register', null, 'registered', 'system', d.created_at
        from demands d where d.number between ${`B${String(start).padStart(9, '0')}`} and ${`B${String(end).padStart(9, '0')}`}`);
    log(`  backlog: ${end.toLocaleString('en')} registered, not dispatched`);
  }
  await db.execute(sql`vacuum analyze demands`);
  log(`  backlog grown in ${Math.round((performance.now() - t0) / 1000)} s`);
}
