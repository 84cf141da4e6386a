// npm run bench:load — the desk under load on the grown bench database (bench:scale's, BENCH_DB_NAME): BENCH_CLIENTS
// (32) clients for BENCH_SECONDS (60) each doing mixed desk work through HTTP against `tingjian serve` (built, plain
// Node): a dispatcher dispatching the backlog to a unit, that unit's handler signing for and answering what reaches
// it, operators opening demands and searching, a supervisor reading 三率. Prints p50 / p99 per call, throughput and
// errors, and the CPU the server process and PostgreSQL used (of the machine's cores); writes bench/results/load.json.
// BENCH_READ_URL: a streaming replica of the bench database, given to the server as DATABASE_READ_URL; its lag behind
// the primary (pg_stat_replication's replay_lag and the bytes of WAL not yet replayed) is sampled twice a second.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { createApiToken } from '../src/modules/accounts/store.js';
import { users } from '../src/modules/accounts/tables.js';
import { skippedCall, startServer } from './serve.js';

const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = admin.replace(/\/[^/]*$/, `/${process.env.BENCH_DB_NAME ?? 'tingjian_scale'}`);
const port = Number(process.env.BENCH_PORT ?? 4231);
const clients = Number(process.env.BENCH_CLIENTS ?? 32);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const label = process.env.BENCH_LABEL ?? 'now';

const database = await openDatabase({ url, poolSize: 2 });
const tokenOf = async (username: string) => {
  const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (await createApiToken(database.db, u.id, 'bench-load')).token;
};
const token = {
  dispatcher: await tokenOf('dispatcher'),
  handler: await tokenOf('handler.cgj'),
  operator: await tokenOf('operator'),
  supervisor: await tokenOf('supervisor'),
};
const [{ unitId }] = await queryRows<{ unitId: number }>(
  database.db,
  sql`select r.unit_id as "unitId" from user_roles r join users u on u.id = r.user_id where u.username = 'handler.cgj'`,
);
// The backlog has no category yet: the dispatcher gives the one the unit most often handles.
const [{ categoryId }] = await queryRows<{ categoryId: number }>(
  database.db,
  sql`select category_id as "categoryId" from demands where unit_id = ${unitId} and category_id is not null
        group by category_id order by count(*) desc limit 1`,
);
const ids = async (condition: ReturnType<typeof sql>, limit: number) =>
  (
    await queryRows<{ id: number }>(database.db, sql`select id::int as id from demands where ${condition} order by id desc limit ${limit}`)
  ).map((r) => Number(r.id));
// The work queues: the backlog to dispatch, what the unit has to sign for and to answer; each write takes its own.
const toDispatch = await ids(sql`state = 'registered'`, 20_000);
const toSign = await ids(sql`state = 'dispatched' and unit_id = ${unitId}`, 5_000);
const toReply = await ids(sql`state = 'acknowledged' and unit_id = ${unitId}`, 5_000);
const anyIds = await ids(sql`true`, 50_000);
const numbers = (await queryRows<{ number: string }>(database.db, sql`select number from demands order by id desc limit 5000`)).map(
  (r) => r.number,
);
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

const readUrl = process.env.BENCH_READ_URL;
const server = await startServer(
  { DATABASE_URL: url, TINGJIAN_PUBLIC_RATE_LIMIT: '0', ...(readUrl ? { DATABASE_READ_URL: readUrl } : {}) },
  port,
);
/** The fields of /proc/<pid>/stat after the command's name (state, parent, …), or null once the process is gone. */
const statOf = (pid: number | string) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
};
// The server's background children (the first training of the text model, a topic refresh) take a core for minutes
// after a start on a fresh database: the desk is timed once they are done (BENCH_SETTLE_SECONDS, 900 at most).
const childrenOf = (pid: number) => readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(statOf(d)?.[1]) === pid);
const settleFrom = performance.now();
const settleLimit = Number(process.env.BENCH_SETTLE_SECONDS ?? 900) * 1000;
await new Promise((r) => setTimeout(r, 5000));
while (childrenOf(server.pid!).length > 0 && performance.now() - settleFrom < settleLimit) await new Promise((r) => setTimeout(r, 2000));
console.log(`background work after the start settled in ${Math.round((performance.now() - settleFrom) / 1000)} s`);
const lags: { ms: number; bytes: number }[] = [];
const sampling = readUrl
  ? setInterval(() => {
      queryRows<{ ms: number | null; bytes: number | null }>(
        database.db,
        sql`select extract(epoch from replay_lag) * 1000 as ms, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) as bytes
              from pg_stat_replication limit 1`,
      ).then(
        ([r]) => r && lags.push({ ms: Number(r.ms ?? 0), bytes: Number(r.bytes ?? 0) }),
        () => undefined,
      );
    }, 500)
  : null;
const base = `http://127.0.0.1:${port}/api/v1`;
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

type Call = { name: string; weight: number; run: () => Promise<Response | null> };
const get = (path: string, who: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${who}` } });
const post = (path: string, who: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
/** One step of the loop: the next demand waiting for it, posted, and (when it worked) handed to the next step's queue. */
const step = (name: string, waiting: number[], verb: string, who: string, body: object, next?: number[]): Call => ({
  name,
  weight: 3,
  run: async () => {
    const id = waiting.pop();
    if (!id) return null;
    const r = await post(`/demands/${id}/${verb}`, who, body);
    if (r.ok) next?.push(id);
    return r;
  },
});
const calls: Call[] = [
  step('dispatch', toDispatch, 'dispatch', token.dispatcher, { unitId, categoryId }, toSign),
  step('sign', toSign, 'acknowledge', token.handler, {}, toReply),
  step('reply', toReply, 'reply', token.handler, { reply: '已到现场处理完毕，设施恢复正常，感谢您的反映。' }),
  { name: 'detail', weight: 6, run: () => get(`/demands/${pick(anyIds)}`, token.operator) },
  { name: 'q=路灯', weight: 2, run: () => get(`/demands?q=${encodeURIComponent('路灯')}`, token.operator) },
  { name: 'search by number', weight: 2, run: () => get(`/demands?q=${pick(numbers)}`, token.operator) },
  { name: 'dispatcher queue', weight: 2, run: () => get('/demands?state=registered,returned', token.dispatcher) },
  {
    name: "handler's inbox (held=mine)",
    weight: 2,
    run: () => get('/demands?state=dispatched,acknowledged&held=mine&sort=due', token.handler),
  },
  { name: '三率 this month', weight: 1, run: () => get(`/rates?month=${month}`, token.supervisor) },
].filter((c) => !skippedCall(c.name)); // BENCH_SKIP_CALLS
/** CPU seconds (user + system) of a process, from /proc. */
const cpuOf = (pid: number) => {
  const f = statOf(pid);
  return f ? (Number(f[11]) + Number(f[12])) / 100 : 0;
};
const postgresCpu = () =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .reduce((sum, d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres' ? sum + cpuOf(Number(d)) : sum;
      } catch {
        return sum;
      }
    }, 0);

const pct = (xs: number[], p: number) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
};
/** `clients` loops doing `mix` for `seconds`: each call's durations and errors, and the CPU each side spent. */
async function phase(mix: Call[], seconds: number) {
  const weight = mix.reduce((n, c) => n + c.weight, 0);
  const choose = () => {
    let x = Math.random() * weight;
    for (const c of mix) {
      x -= c.weight;
      if (x < 0) return c;
    }
    return mix[0];
  };
  const times = new Map<string, number[]>(mix.map((c) => [c.name, []]));
  const errors = new Map<string, number>();
  const serverCpu0 = cpuOf(server.pid!);
  const pgCpu0 = postgresCpu();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const call = choose();
        const s = performance.now();
        const r = await call.run().catch((e: Error) => {
          if (!firstError.has(call.name)) firstError.set(call.name, String(e?.stack ?? e).slice(0, 300));
          return undefined;
        });
        if (r === null) {
          // Its queue ran dry: alone, this client is done; in the mix, it takes another call.
          if (mix.length === 1) return;
          continue;
        }
        const ms = performance.now() - s;
        const text = r ? await r.text() : 'no answer';
        if (!r || r.status >= 400) {
          errors.set(call.name, (errors.get(call.name) ?? 0) + 1);
          if (!firstError.has(call.name)) firstError.set(call.name, `${r?.status ?? ''} ${text.slice(0, 200)}`);
        } else times.get(call.name)!.push(ms);
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  return { times, errors, wall, serverCpu: cpuOf(server.pid!) - serverCpu0, pgCpu: postgresCpu() - pgCpu0 };
}

const firstError = new Map<string, string>();
// BENCH_EACH=1: each call alone first, to price it: the CPU one request costs the server and PostgreSQL.
const alone: { call: string; requestsPerSecond: number; p50: number | null; serverCpuMs: number; postgresCpuMs: number }[] = [];
if (process.env.BENCH_EACH === '1') {
  for (const c of calls) {
    const r = await phase([c], Number(process.env.BENCH_EACH_SECONDS ?? 10));
    const xs = r.times.get(c.name)!;
    const n = Math.max(1, xs.length);
    alone.push({
      call: c.name,
      requestsPerSecond: +(xs.length / r.wall).toFixed(1),
      p50: pct(xs, 50),
      serverCpuMs: +((r.serverCpu * 1000) / n).toFixed(1),
      postgresCpuMs: +((r.pgCpu * 1000) / n).toFixed(1),
    });
    const a = alone[alone.length - 1];
    console.log(
      `  alone: ${c.name.padEnd(28)} ${String(a.requestsPerSecond).padStart(6)}/s  p50 ${a.p50} ms  CPU per request: server ${a.serverCpuMs} ms, PostgreSQL ${a.postgresCpuMs} ms`,
    );
  }
}
const { times, errors, wall, serverCpu, pgCpu } = await phase(calls, seconds);
if (sampling) clearInterval(sampling);
await database.close();
server.kill('SIGTERM');

const rows = calls.map((c) => {
  const xs = times.get(c.name)!;
  return { call: c.name, count: xs.length, errors: errors.get(c.name) ?? 0, p50: pct(xs, 50), p99: pct(xs, 99) };
});
const done = rows.reduce((n, r) => n + r.count, 0);
const result = {
  at: new Date().toISOString(),
  clients,
  seconds: +wall.toFixed(1),
  requestsPerSecond: +(done / wall).toFixed(1),
  errors: rows.reduce((n, r) => n + r.errors, 0),
  // Of one core: 100 is one core busy the whole run.
  serverCpuPercent: Math.round((serverCpu / wall) * 100),
  postgresCpuPercent: Math.round((pgCpu / wall) * 100),
  rows,
  ...(alone.length ? { alone } : {}),
  replicaLag: lags.length
    ? {
        samples: lags.length,
        ms: {
          p50: pct(
            lags.map((l) => l.ms),
            50,
          ),
          p99: pct(
            lags.map((l) => l.ms),
            99,
          ),
          max: Math.round(Math.max(...lags.map((l) => l.ms))),
        },
        bytes: {
          p50: pct(
            lags.map((l) => l.bytes),
            50,
          ),
          max: Math.max(...lags.map((l) => l.bytes)),
        },
      }
    : null,
};
console.log(`${clients} clients, ${result.seconds} s: ${result.requestsPerSecond} requests/s, ${result.errors} errors`);
console.log(`CPU: server ${result.serverCpuPercent}% of a core, PostgreSQL ${result.postgresCpuPercent}%`);
for (const r of rows)
  console.log(`  ${r.call.padEnd(28)} ${String(r.count).padStart(6)}  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`);
for (const [name, e] of firstError) console.log(`  first error of ${name}: ${e}`);
if (result.replicaLag) console.log(`replica lag: ${JSON.stringify(result.replicaLag)}`);
const file = 'bench/results/load.json';
let all: Record<string, unknown> = {};
try {
  all = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  // first run
}
all[label] = result;
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
console.log(`wrote ${file}`);
