// Migration 0039 on an installation that already has its trails: today's rows stay where they are (the partition of
// everything before the cut-over), new rows go to their month, ids carry on from the old sequences, and writes made
// while the migration runs wait for it and land. On the server only: it builds a database of its own there.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateUpTo } from '../../test/migrations-up-to.js';
import { type Database, openDatabase, runMigrations } from './client.js';
import { ensureMonthlyPartitions, listPartitions } from './partitions.js';
import { queryRows } from './rows.js';

const onServer = process.env.TINGJIAN_TEST_DB === 'postgres';
const name = `tingjian_partmig_${process.pid}`;
let admin: Database;
let db: Database;

describe.skipIf(!onServer)('partitioning the trails of a live installation (migration 0039)', () => {
  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL ?? '';
    admin = await openDatabase({ url, poolSize: 1 });
    await admin.db.execute(sql.raw(`create database ${name}`));
    db = await openDatabase({ url: url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`), poolSize: 4 });
    await migrateUpTo(db, '0038_enrolment_receipts');
  });
  afterAll(async () => {
    await db?.close();
    await admin?.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin?.close();
  });

  it('keeps every row, carries the ids on, and takes writes that arrived meanwhile', async () => {
    // A year of trail before the upgrade, and one row dated ahead (a clock set wrong): the cut-over passes it.
    await db.db.execute(sql`
      insert into audit_events (resource, resource_id, action, actor_kind, at)
      select 'demand', g::text, 'register', 'system', timestamptz '2026-01-01 00:00+08' + g * interval '1 hour'
        from generate_series(1, 8000) g`);
    await db.db.execute(sql`insert into audit_events (resource, resource_id, action, actor_kind, at)
                            values ('demand', 'ahead', 'register', 'system', timestamptz '2031-06-15 12:00+08')`);
    await db.db.execute(sql`
      insert into outbox_messages (channel, recipient, body, created_at, status)
      select 'sms', '1380000' || lpad(g::text, 4, '0'), '您的诉求已受理', timestamptz '2026-06-01 00:00+08' + g * interval '1 hour',
             case when g % 10 = 0 then 'pending' else 'sent' end
        from generate_series(1, 500) g`);
    await db.db.execute(sql`
      insert into domain_events (name, subject_id, created_at, next_attempt_at)
      select 'demand.registered', g, timestamptz '2026-06-01 00:00+08', timestamptz '2026-06-01 00:00+08' from generate_series(1, 300) g`);
    const count = async (table: string) =>
      Number((await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);
    const [{ maxId }] = await queryRows<{ maxId: number }>(db.db, sql`select max(id) as "maxId" from audit_events`);

    // A writer keeps writing while the migration runs: its rows wait for the lock, then land.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.db.execute(sql`insert into audit_events (resource, resource_id, action, actor_kind, at)
                                values ('demand', 'meanwhile', 'register', 'system', now())`);
        written++;
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    await runMigrations(db);
    await new Promise((r) => setTimeout(r, 50));
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);

    expect(await count('audit_events')).toBe(8001 + written);
    expect(await count('outbox_messages')).toBe(500);
    expect(await count('domain_events')).toBe(300);
    const parts = await listPartitions(db.db);
    const before = parts.find((p) => p.name === 'audit_events_before');
    // The cut-over is the month after the newest row: the row dated 2031-06 stays in the old table.
    expect(before?.to?.toISOString()).toBe('2031-06-30T16:00:00.000Z');
    expect(parts.filter((p) => p.table === 'outbox_messages').map((p) => p.name)).toEqual([
      'outbox_messages_before',
      'outbox_messages_default',
    ]);

    // The pending messages are still found the way the delivery worker looks for them.
    expect(
      Number((await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from outbox_messages where status = 'pending'`))[0].n),
    ).toBe(50);
    // Ids carry on past every old row; months after the cut-over get partitions of their own.
    const made = await ensureMonthlyPartitions(db.db, new Date('2031-07-02T00:00:00+08:00'));
    expect(made).toContain('audit_events_y2031m07');
    const [row] = await queryRows<{ id: number; part: string }>(
      db.db,
      sql`insert into audit_events (resource, resource_id, action, actor_kind, at)
          values ('demand', 'after', 'register', 'system', timestamptz '2031-07-03 09:00+08')
          returning id, tableoid::regclass::text as part`,
    );
    expect(Number(row.id)).toBeGreaterThan(Number(maxId) + written);
    expect(row.part).toBe('audit_events_y2031m07');
  });
});
