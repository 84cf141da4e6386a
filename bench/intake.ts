// npm run bench:intake — intake throughput and latency against the running server, for the
// embedded database and for the PostgreSQL server, side by side with a bare INSERT loop into
// the same database in the same run. Writes bench/results/intake.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, runMigrations } from '../src/db/client.js';
import { appContextFor, perform, systemActor } from '../src/kernel/index.js';
import { createUser } from '../src/modules/accounts/actions/create-user.js';
import { createApiToken } from '../src/modules/accounts/store.js';
import { createRegion } from '../src/modules/regions/store.js';
import { startServer } from './serve.js';

const concurrencies = [1, 8, 32];
const requestsPerLevel = Number(process.env.BENCH_REQUESTS ?? 3000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Level = { concurrency: number; requests: number; seconds: number; perSecond: number; p50: number; p99: number; errors: number };
type Result = { database: string; intake: Level[]; bareInsert: Level[]; ratioAt32: number };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function runLevel(concurrency: number, total: number, once: (i: number) => Promise<boolean>): Promise<Level> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const ok = await once(i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests: total,
    seconds: +seconds.toFixed(2),
    perSecond: Math.round(total / seconds),
    p50: +pct(latencies, 0.5).toFixed(2),
    p99: +pct(latencies, 0.99).toFixed(2),
    errors,
  };
}

async function prepare(database: Database): Promise<{ regionId: number; token: string }> {
  await runMigrations(database);
  const region = await database.db.transaction((tx) =>
    createRegion(tx, { parentId: null, level: 'district', name: '压测区', code: `BENCH${Date.now()}` }),
  );
  const { id } = await perform(appContextFor(database.db), systemActor, createUser, {
    username: `bench${Date.now()}`,
    displayName: '压测受理员',
    password: 'bench-password',
    roles: [{ role: 'operator' }],
  });
  const { token } = await createApiToken(database.db, id, 'bench');
  await database.db.execute(
    sql`create table if not exists bench_bare (id bigserial primary key, title text not null, content text not null, region_id int not null, created_at timestamptz not null default now())`,
  );
  return { regionId: region.id, token };
}

async function intakeLevels(port: number, token: string, regionId: number): Promise<Level[]> {
  const levels: Level[] = [];
  for (const c of concurrencies) {
    const level = await runLevel(c, requestsPerLevel, async (i) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/demands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          channel: 'hotline',
          type: 'complaint',
          content: `压测诉求 ${c}-${i}：小区路灯不亮，晚上出行不便`,
          reporterPhone: '13800000000',
          regionId,
        }),
      });
      await res.arrayBuffer();
      return res.status === 201;
    });
    console.log(
      `  intake       c=${String(c).padStart(2)}  ${String(level.perSecond).padStart(5)}/s  p50 ${level.p50} ms  p99 ${level.p99} ms  errors ${level.errors}`,
    );
    levels.push(level);
  }
  return levels;
}

async function bareLevels(database: Database, regionId: number): Promise<Level[]> {
  const levels: Level[] = [];
  for (const c of concurrencies) {
    const level = await runLevel(c, requestsPerLevel, async (i) => {
      await database.db.execute(
        sql`insert into bench_bare (title, content, region_id) values (${'压测'}, ${`压测诉求 ${c}-${i}：小区路灯不亮，晚上出行不便`}, ${regionId})`,
      );
      return true;
    });
    console.log(
      `  bare INSERT  c=${String(c).padStart(2)}  ${String(level.perSecond).padStart(5)}/s  p50 ${level.p50} ms  p99 ${level.p99} ms`,
    );
    levels.push(level);
  }
  return levels;
}

async function benchEmbedded(): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'tingjian-bench-'));
  try {
    console.log(`embedded PGlite (${dir})`);
    let database = await openDatabase({ dataDir: dir });
    const { regionId, token } = await prepare(database);
    await database.close();
    const port = 35100;
    const server = await startServer({ TINGJIAN_DATA_DIR: dir, DATABASE_URL: '' }, port);
    const intake = await intakeLevels(port, token, regionId);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    // The embedded database admits one process: the bare loop runs after the server has stopped.
    database = await openDatabase({ dataDir: dir });
    const bareInsert = await bareLevels(database, regionId);
    await database.close();
    return { database: 'pglite', intake, bareInsert, ratioAt32: +(intake[2].perSecond / bareInsert[2].perSecond).toFixed(2) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchServer(): Promise<Result | null> {
  const name = `tingjian_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`server PostgreSQL not reachable at ${serverUrl}: skipped`);
    return null;
  }
  await admin.query(`create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  try {
    console.log(`server PostgreSQL (${u.host})`);
    const database = await openDatabase({ url: u.toString(), poolSize: 32 });
    const { regionId, token } = await prepare(database);
    const port = 35101;
    const server = await startServer({ DATABASE_URL: u.toString() }, port);
    const intake = await intakeLevels(port, token, regionId);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    const bareInsert = await bareLevels(database, regionId);
    await database.close();
    return { database: 'postgres', intake, bareInsert, ratioAt32: +(intake[2].perSecond / bareInsert[2].perSecond).toFixed(2) };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const results = [await benchEmbedded(), await benchServer()].filter((r): r is Result => r !== null);
mkdirSync('bench/results', { recursive: true });
const out = {
  bench: 'intake',
  at: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  requestsPerLevel,
  results,
};
writeFileSync('bench/results/intake.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('\nwritten bench/results/intake.json');
for (const r of results) console.log(`${r.database}: intake at 32 clients = ${Math.round(r.ratioAt32 * 100)}% of the bare INSERT rate`);
