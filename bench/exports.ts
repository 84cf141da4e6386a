// npm run bench:exports — a desk's exports on the grown bench database (bench:scale's, BENCH_DB_NAME):
// CSV and XLSX of about 9,500 and 100,000 demands, each timed through HTTP from `tingjian serve`
// (built, plain Node), with the server's RSS sampled every 50 ms (its peak) and after. Writes
// bench/results/exports.json (BENCH_LABEL names the run, e.g. before/after a change).
import { readFileSync, writeFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { createApiToken } from '../src/modules/accounts/store.js';
import { users } from '../src/modules/accounts/tables.js';
import { startServer } from './serve.js';

const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = admin.replace(/\/[^/]*$/, `/${process.env.BENCH_DB_NAME ?? 'tingjian_scale'}`);
const port = Number(process.env.BENCH_PORT ?? 4221);
const label = process.env.BENCH_LABEL ?? 'now';

const rss = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};

const database = await openDatabase({ url, poolSize: 2 });
const tokenOf = async (username: string) => {
  const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (await createApiToken(database.db, u.id, 'bench-exports')).token;
};
const token = await tokenOf('supervisor');
const desk = { dispatcher: await tokenOf('dispatcher'), handler: await tokenOf('handler.cgj') };
// Windows of the newest history before the backlog, holding about 9,500 and 100,000 demands.
const windows: { rows: number; from: string; to: string }[] = [];
for (const want of [9_500, 100_000]) {
  const [w] = await queryRows<{ from: string; to: string }>(
    database.db,
    // Before bench:scale's backlog (numbered B…, the last three days): a window of the newest history would hold
    // the whole backlog too, over the export's limit of 100,000.
    sql`select min(created_at) as from, max(created_at) as to
          from (select created_at from demands
                 where created_at < coalesce((select min(created_at) from demands where number like 'B%'), 'infinity')
                 order by created_at desc limit ${want}) x`,
  );
  windows.push({ rows: want, from: new Date(w.from).toISOString(), to: new Date(new Date(w.to).getTime() + 1).toISOString() });
}
await database.close();

const server = await startServer({ DATABASE_URL: url, TINGJIAN_PUBLIC_RATE_LIMIT: '0' }, port);
const pid = server.pid!;
const results: { export: string; rows: number; bytes: number; ms: number; status: number; peakRssMb: number; rssAfterMb: number }[] = [];
const startRss = rss(pid);
console.log(`server RSS at start ${startRss} MB (${label})`);
// The desk's lists under bench:scale's backlog (100,000 registered, not dispatched): median of 5 after a first call.
const lists: { call: string; ms: number; firstMs: number; status: number }[] = [];
for (const [call, path, who] of [
  ['dispatcher: registered, not dispatched yet', '/api/v1/demands?state=registered', desk.dispatcher],
  ['dispatcher queue (registered, returned)', '/api/v1/demands?state=registered,returned', desk.dispatcher],
  ['a handler’s 全部 (newest first)', '/api/v1/demands', desk.handler],
] as const) {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${who}` } });
    await res.arrayBuffer();
    return { ms: performance.now() - t0, status: res.status };
  };
  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  lists.push({ call, ms: Math.round(times[2]), firstMs: Math.round(first.ms), status: first.status });
  console.log(`  ${call}: ${Math.round(times[2])} ms (first ${Math.round(first.ms)} ms, HTTP ${first.status})`);
}
for (const w of windows) {
  for (const format of ['csv', 'xlsx']) {
    let peak = rss(pid);
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss(pid));
    }, 50);
    const t0 = performance.now();
    const res = await fetch(
      `http://127.0.0.1:${port}/api/v1/demands?format=${format}&from=${encodeURIComponent(w.from)}&to=${encodeURIComponent(w.to)}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const body = await res.arrayBuffer();
    const bytes = body.byteLength;
    if (res.status !== 200) console.log(`  refused: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
    const ms = Math.round(performance.now() - t0);
    clearInterval(sampler);
    const row = { export: format, rows: w.rows, bytes, ms, status: res.status, peakRssMb: peak, rssAfterMb: rss(pid) };
    results.push(row);
    console.log(
      `  ${format} of ${w.rows.toLocaleString('en')} rows: ${ms} ms, HTTP ${res.status}, ${bytes} bytes, peak RSS ${peak} MB, after ${row.rssAfterMb} MB`,
    );
  }
}
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
const file = 'bench/results/exports.json';
let all: Record<string, unknown> = {};
try {
  all = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  // first run
}
all[label] = { at: new Date().toISOString(), startRssMb: startRss, lists, results };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
console.log(`wrote ${file}`);
