// npm run bench:partition-migration — migration 0039 (the trails partitioned by month) on a live installation of
// 10^6 demands' worth of trail: a database migrated to 0038 is filled with the audit trail, outbox and domain events
// that 10^6 demands leave (BENCH_AUDIT_ROWS, default 6,000,000: register, dispatch, sign, reply, call back, close;
// 1,500,000 messages; 1,000,000 events), then migrated while writers keep appending to the trail as actions do. Prints
// how long the migration held the tables and how long the writers' inserts waited; writes
// bench/results/partition-migration.json. Database: BENCH_DB_NAME (default tingjian_partmig), dropped at the end.
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, runMigrations } from '../src/db/client.js';
import { listPartitions } from '../src/db/partitions.js';
import { queryRows } from '../src/db/rows.js';
import { migrateUpTo } from '../test/migrations-up-to.js';

const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = process.env.BENCH_DB_NAME ?? 'tingjian_partmig';
const url = admin.replace(/\/[^/]*$/, `/${dbName}`);
const auditRows = Number(process.env.BENCH_AUDIT_ROWS ?? 6_000_000);
const outboxRows = Math.round(auditRows / 4);
const eventRows = Math.round(auditRows / 6);
const writers = 4;

const server = await openDatabase({ url: admin, poolSize: 1 });
await server.db.execute(sql.raw(`drop database if exists ${dbName} with (force)`));
await server.db.execute(sql.raw(`create database ${dbName}`));
const db = await openDatabase({ url, poolSize: writers + 2 });

await migrateUpTo(db, '0038_enrolment_receipts');

const t0 = performance.now();
// Spread over the year before the bench's clock, in batches so that no one statement holds too much.
for (let from = 1; from <= auditRows; from += 500_000) {
  const to = Math.min(auditRows, from + 499_999);
  await db.db.execute(sql`
    insert into audit_events (resource, resource_id, action, actor_kind, actor_user_id, actor_name, region_path, data, at)
    select 'demand', (g / 6)::text, (array['register','dispatch','acknowledge','reply','callback','close'])[g % 6 + 1],
           'user', 1 + g % 40, '坐席' || (g % 40), '1.2.' || (g % 12), jsonb_build_object('to', 'dispatched'),
           now() - interval '365 days' + (g::float / ${auditRows}) * interval '364 days'
      from generate_series(${from}::int, ${to}::int) g`);
}
await db.db.execute(sql`
  insert into outbox_messages (channel, recipient, body, template, demand_id, status, created_at, sent_at)
  select 'sms', '1380000' || lpad((g % 10000)::text, 4, '0'), '您反映的问题已办结，请对办理结果评价。', 'answered', g, 'sent',
         now() - interval '365 days' + (g::float / ${outboxRows}) * interval '364 days',
         now() - interval '365 days' + (g::float / ${outboxRows}) * interval '364 days' + interval '1 minute'
    from generate_series(1, ${outboxRows}::int) g`);
await db.db.execute(sql`
  insert into domain_events (name, subject_id, created_at, handled_at, next_attempt_at)
  select 'demand.registered', g, now() - interval '365 days' + (g::float / ${eventRows}) * interval '364 days',
         now() - interval '365 days' + (g::float / ${eventRows}) * interval '364 days', now()
    from generate_series(1, ${eventRows}::int) g`);
await db.db.execute(sql`vacuum analyze audit_events`);
await db.db.execute(sql`checkpoint`);
const fillSeconds = Math.round((performance.now() - t0) / 1000);
const [{ bytes }] = await queryRows<{ bytes: number }>(
  db.db,
  sql`select (pg_total_relation_size('audit_events') + pg_total_relation_size('outbox_messages') + pg_total_relation_size('domain_events'))::bigint as bytes`,
);
console.log(
  `filled ${auditRows} audit events, ${outboxRows} messages, ${eventRows} domain events in ${fillSeconds} s (${Math.round(Number(bytes) / 1_048_576)} MB)`,
);

// Writers append as actions do, each timing its inserts; the migration runs in their midst.
let writing = true;
const waits: number[] = [];
const writer = async () => {
  while (writing) {
    const s = performance.now();
    await db.db.execute(sql`insert into audit_events (resource, resource_id, action, actor_kind, at)
                            values ('demand', 'bench', 'dispatch', 'system', now())`);
    waits.push(performance.now() - s);
  }
};
const running = Array.from({ length: writers }, writer);
await new Promise((r) => setTimeout(r, 2_000));
const m0 = performance.now();
await runMigrations(db);
const migrationMs = Math.round(performance.now() - m0);
await new Promise((r) => setTimeout(r, 2_000));
writing = false;
await Promise.all(running);
waits.sort((a, b) => a - b);
const at = (q: number) => Math.round(waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]);
const partitions = (await listPartitions(db.db)).map((p) => p.name);
const result = {
  at: new Date().toISOString(),
  auditRows,
  outboxRows,
  eventRows,
  trailMb: Math.round(Number(bytes) / 1_048_576),
  fillSeconds,
  migrationMs,
  writes: waits.length,
  writeMs: { p50: at(0.5), p99: at(0.99), max: Math.round(waits[waits.length - 1]) },
  partitions,
};
console.log(JSON.stringify(result, null, 2));
writeFileSync('bench/results/partition-migration.json', `${JSON.stringify(result, null, 2)}\n`);
await db.close();
await server.db.execute(sql.raw(`drop database if exists ${dbName} with (force)`));
await server.close();
