// npm run bench:scale — the desk's calls at 10^5 and 10^6 demands on the PostgreSQL server (and at
// 10^5 on the embedded database with BENCH_PGLITE=1): grows the database with bench/grow.ts, starts
// `tingjian serve` on it, and times each call (median of 5 after a first call). Writes
// bench/results/scale.json; the table goes in bench/README.md.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, runMigrations } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { appContextFor } from '../src/kernel/index.js';
import { quietLogger } from '../src/lib/logger.js';
import { createApiToken } from '../src/modules/accounts/store.js';
import { users } from '../src/modules/accounts/tables.js';
import { localDay } from '../src/modules/calendar/index.js';
import { refreshRateRollups } from '../src/modules/rates/index.js';
import { putSetting } from '../src/modules/settings/index.js';
import { sharedDataDir } from '../src/server.js';
import { grow, growBacklog, textPool } from './grow.js';
import { skippedCall, startServer } from './serve.js';

const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const dbName = process.env.BENCH_DB_NAME ?? 'tingjian_scale';
const url = admin.replace(/\/[^/]*$/, `/${dbName}`);
// BENCH_BACKLOG=0 for none: 100,000 public intakes not dispatched yet, beside the grown history.
const backlog = Number(process.env.BENCH_BACKLOG ?? 100_000);

type Row = { call: string; ms: number; status: number };

async function ensureDatabase() {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  if (process.env.BENCH_FRESH === '1') await c.query(`drop database if exists ${dbName} with (force)`);
  const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [dbName]);
  if (!rowCount) await c.query(`create database ${dbName}`);
  await c.end();
}

const rss = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
};

async function measure(
  port: number,
  tokens: Record<string, string>,
  sample: { id: number; number: string; phone: string; regionId: number; lookupNumber: string; lookupPhone: string },
  month: string,
  thisMonth: string,
) {
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    await res.arrayBuffer();
    return res.status;
  };
  let n = 0;
  const calls: [string, () => Promise<number>][] = [
    ['dispatcher queue', () => call('GET', '/api/v1/demands?state=registered,returned', tokens.dispatcher)],
    ['dispatcher: registered, not dispatched yet', () => call('GET', '/api/v1/demands?state=registered', tokens.dispatcher)],
    ['a handler’s 全部 (newest first)', () => call('GET', '/api/v1/demands', tokens.handler)],
    [
      'a department handler’s inbox (sort by due)',
      () => call('GET', '/api/v1/demands?state=dispatched,acknowledged&sort=due', tokens.handler),
    ],
    [
      'handler’s inbox, what the unit holds now (held=mine)',
      () => call('GET', '/api/v1/demands?state=dispatched,acknowledged&held=mine&sort=due', tokens.handler),
    ],
    ['supervisor overdue', () => call('GET', '/api/v1/demands?overdue=true&sort=due', tokens.supervisor)],
    ['GET /topics (stored)', () => call('GET', '/api/v1/topics', tokens.supervisor)],
    ['a demand’s suggestions', () => call('GET', `/api/v1/demands/${sample.id}/suggestions`, tokens.dispatcher)],
    ['demand detail', () => call('GET', `/api/v1/demands/${sample.id}`, tokens.operator)],
    ['keyword search q=路灯', () => call('GET', `/api/v1/demands?q=${encodeURIComponent('路灯')}`, tokens.operator)],
    ['keyword search q=路灯不亮', () => call('GET', `/api/v1/demands?q=${encodeURIComponent('路灯不亮')}`, tokens.operator)],
    ['search by demand number', () => call('GET', `/api/v1/demands?q=${sample.number}`, tokens.operator)],
    ['caller history (phone)', () => call('GET', `/api/v1/demands?phone=${sample.phone}`, tokens.operator)],
    ['三率 for a month (JSON)', () => call('GET', `/api/v1/rates?month=${month}`, tokens.supervisor)],
    ['三率 for a month (CSV)', () => call('GET', `/api/v1/rates?month=${month}&format=csv`, tokens.supervisor)],
    ['一屏 (dashboard), counted within the last 30 s', () => call('GET', '/api/v1/dashboard', tokens.supervisor)],
    ['三率 this month (rollups + today live)', () => call('GET', `/api/v1/rates?month=${thisMonth}`, tokens.supervisor)],
    ['public answered list', () => call('GET', '/api/v1/public/demands')],
    [
      'public lookup',
      () => call('POST', '/api/v1/public/demands/lookup', undefined, { number: sample.lookupNumber, phone: sample.lookupPhone }),
    ],
    ['Open311 GET requests (90 days, 1,000)', () => call('GET', '/open311/v2/requests.json')],
    [
      'intake',
      () =>
        call('POST', '/api/v1/demands', tokens.operator, {
          content: `压测受理 ${n++}：小区路灯不亮，晚上出行不便`,
          reporterPhone: '13800000000',
          regionId: sample.regionId,
        }),
    ],
  ].map(([name, fn]) => [name as string, fn as () => Promise<number>]) as [string, () => Promise<number>][];
  const rows: Row[] = [];
  // Right after the start: how long the first suggestion takes (a stored model is adopted at start;
  // without one the first model trains), then the wait until suggestions come with a model.
  const s0 = performance.now();
  const first = await fetch(`${base}/api/v1/demands/${sample.id}/suggestions`, {
    headers: { authorization: `Bearer ${tokens.dispatcher}` },
  });
  const firstBody = (await first.json()) as { modelVersion: string | null };
  const firstMs = Math.round(performance.now() - s0);
  console.log(`  first suggestion after start ${firstMs} ms (model ${firstBody.modelVersion ?? 'not ready'})`);
  rows.push({ call: 'first suggestion after start', ms: firstMs, status: first.status });
  let version = firstBody.modelVersion;
  for (let waited = 0; !version && waited < 30 * 60; waited += 5) {
    await new Promise((r) => setTimeout(r, 5_000));
    const r = await fetch(`${base}/api/v1/demands/${sample.id}/suggestions`, { headers: { authorization: `Bearer ${tokens.dispatcher}` } });
    version = ((await r.json()) as { modelVersion: string | null }).modelVersion;
  }
  console.log(`  suggestion model ${version} ready after ${Math.round((performance.now() - s0) / 1000)} s`);
  // 一屏 is counted once per 30 s for the same grants: its first count for each kind of scope, then what the others see.
  for (const [who, label] of [
    ['supervisor', '一屏 (dashboard), first count'],
    ['handler', '一屏 of 区城市管理局 (a unit), first count'],
    ['township', '一屏 of 昌元街道 (a township office), first count'],
    ['department', '一屏 of 区住房城乡建委 (a unit), first count'],
  ] as const) {
    const d0 = performance.now();
    const dash = await call('GET', '/api/v1/dashboard', tokens[who]);
    const dashMs = Math.round(performance.now() - d0);
    console.log(`  ${label} ${dashMs} ms (HTTP ${dash})`);
    rows.push({ call: label, ms: dashMs, status: dash });
  }
  // The stored topics are refreshed in the background; here once, timed, before they are read.
  const r0 = performance.now();
  const refreshed = await call('POST', '/api/v1/topics/refresh', tokens.supervisor);
  console.log(`  topics refresh (child process, off the request path) ${Math.round(performance.now() - r0)} ms (HTTP ${refreshed})`);
  for (const [name, fn] of calls) {
    if (skippedCall(name)) continue;
    const first = performance.now();
    const status = await fn();
    const firstMs = performance.now() - first;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({ call: name, ms: Math.round(times[2]), status });
    console.log(`  ${name.padEnd(44)} ${String(Math.round(times[2])).padStart(6)} ms   (first ${Math.round(firstMs)} ms, HTTP ${status})`);
  }
  return rows;
}

// The embedded database instead (BENCH_PGLITE=1): grown in a folder, served by one process.
const pgliteDir = process.env.BENCH_PGLITE === '1' ? (process.env.BENCH_PGLITE_DIR ?? '/tmp/tingjian-scale-pglite') : null;
const open = () => openDatabase(pgliteDir ? { dataDir: pgliteDir } : { url, poolSize: 4 });

async function main() {
  if (!pgliteDir) await ensureDatabase();
  else if (process.env.BENCH_FRESH === '1') rmSync(pgliteDir, { recursive: true, force: true });
  let database = await open();
  await runMigrations(database);
  let ctx = appContextFor(database.db, quietLogger());
  if (!(await queryRows(database.db, sql`select 1 from users limit 1`)).length) {
    console.log('loading the demo district …');
    await loadDemo(ctx, { sharedDataDir: existsSync(sharedDataDir) ? sharedDataDir : undefined });
  }
  const tokens: Record<string, string> = {};
  for (const [key, username] of [
    ['dispatcher', 'dispatcher'],
    ['handler', 'handler.cgj'],
    ['township', 'handler.changyuan'],
    ['department', 'handler.zjw'],
    ['supervisor', 'supervisor'],
    ['operator', 'operator'],
  ]) {
    const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    tokens[key] = (await createApiToken(database.db, u.id, 'bench-scale')).token;
  }
  const pool = textPool(sharedDataDir);
  const results: Record<string, { rows: Row[]; rssMb: number | null; demands: number }> = {};
  const last = new Date(Date.now() - 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 7);
  for (const size of sizes) {
    const [{ have }] = await queryRows<{ have: number }>(
      database.db,
      sql`select coalesce(max(substr(number, 2)::int), 0) as have from demands where number like 'S%'`,
    );
    if (Number(have) < size) {
      console.log(`growing to ${size.toLocaleString('en')} generated demands …`);
      await grow(database.db, Number(have), size, pool, (m) => console.log(m));
    }
    if (backlog > 0) await growBacklog(database.db, backlog, pool, (m) => console.log(m));
    // BENCH_GROW_ONLY=1: grow to each size and stop, to time the calls in a later run.
    if (process.env.BENCH_GROW_ONLY === '1') continue;
    const [sample] = await queryRows<{ id: number; number: string; phone: string; regionId: number }>(
      database.db,
      sql`select id::int as id, number, reporter_phone as phone, region_id as "regionId" from demands where number = ${`S${String(Math.floor(size / 2)).padStart(9, '0')}`}`,
    );
    // Residents look up with a number as intake writes it (digits only); generated ones start with S.
    const [resident] = await queryRows<{ number: string; phone: string }>(
      database.db,
      sql`select number, reporter_phone as phone from demands where number not like 'S%' and reporter_phone is not null order by id limit 1`,
    );
    const [{ total }] = await queryRows<{ total: number }>(database.db, sql`select count(*)::int as total from demands`);
    console.log(
      `\n${Number(total).toLocaleString('en')} demands on ${pgliteDir ? 'PGlite (embedded)' : 'PostgreSQL (server)'}, month ${last}`,
    );
    // The generator's long tail (one demand in 300 never answered) was never escalated as it aged;
    // the escalation rules would raise it all 500 at a time every five minutes on the first start,
    // a catch-up no running district has. The rules are off for the timing.
    await putSetting(database.db, 'escalation.rules', []);
    // The server keeps the 三率 rollups current in the background; here the days not rolled up yet, timed.
    const r0 = performance.now();
    const { days } = await refreshRateRollups(ctx);
    console.log(`  rate rollups: ${days} days rolled up in ${Math.round(performance.now() - r0)} ms`);
    // Side by side in one run: PostgreSQL's JIT on (the server's default) and off (the app's default);
    // BENCH_JIT=off times one of them.
    const runs: [string, NodeJS.ProcessEnv][] = pgliteDir
      ? [['embedded', { TINGJIAN_DATA_DIR: pgliteDir }]]
      : (process.env.BENCH_JIT ?? 'on,off').split(',').map((jit) => [`jit ${jit}`, { DATABASE_URL: url, TINGJIAN_PG_JIT: jit }]);
    // The embedded database has one user at a time: the server's.
    if (pgliteDir) await database.close();
    for (const [label, env] of runs) {
      console.log(`  ${label}:`);
      const server = await startServer({ ...env, TINGJIAN_PUBLIC_RATE_LIMIT: '0' }, 36100);
      const rows = await measure(
        36100,
        tokens,
        { ...sample, lookupNumber: resident.number, lookupPhone: resident.phone },
        last,
        localDay(new Date()).slice(0, 7),
      );
      const mem = rss(server.pid!);
      console.log(`  server RSS ${mem} MB`);
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      results[`${size} ${label}`] = { rows, rssMb: mem, demands: Number(total) };
    }
    if (pgliteDir) {
      database = await open();
      ctx = appContextFor(database.db, quietLogger());
    }
  }
  await database.close();
  if (process.env.BENCH_GROW_ONLY === '1') return;
  mkdirSync('bench/results', { recursive: true });
  const file = process.env.BENCH_RESULT_FILE ?? (pgliteDir ? 'bench/results/scale-pglite.json' : 'bench/results/scale.json');
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), database: pgliteDir ? 'pglite' : 'postgres', results }, null, 2)}\n`,
  );
  console.log(`\nwrote ${file}`);
}

await main();
