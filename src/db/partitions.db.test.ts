import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testContext } from '../../test/db.js';
import { buildDemand, buildWorld, type World } from '../../test/world.js';
import { type Action, audit, perform, systemActor } from '../kernel/index.js';
import { archiveFileWriter, readArchiveFile } from './partition-files.js';
import {
  archivePartition,
  ensureMonthlyPartitions,
  listPartitions,
  monthPartitionName,
  monthStart,
  restorePartition,
} from './partitions.js';
import { queryRows } from './rows.js';

// A world far past the cut-over of migration 0039 (the month after the test snapshot was made), whatever today is.
const april = new Date('2035-04-12T10:00:00+08:00');
const may = new Date('2035-05-20T10:00:00+08:00');

let database: TestDatabase;
let world: World;
const dir = mkdtempSync(join(tmpdir(), 'tingjian-archive-'));

const note: Action<{ n: number }, void> = async (a, { n }) => {
  await audit(a, { resource: 'note', resourceId: n, action: 'write', data: { n, text: `第${n}条：含“引号”和\\反斜杠` } });
};

const auditRowsOf = (from: Date, to: Date) =>
  queryRows<{ id: number; j: string; part: string }>(
    database.db,
    sql`select id, row_to_json(a)::text as j, tableoid::regclass::text as part from audit_events a
         where at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz order by id`,
  );

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
});

describe('months', () => {
  it('a month starts at midnight in Beijing', () => {
    expect(monthStart(new Date('2035-04-30T16:30:00Z')).toISOString()).toBe('2035-04-30T16:00:00.000Z');
    expect(monthStart(new Date('2035-04-30T15:59:00Z')).toISOString()).toBe('2035-03-31T16:00:00.000Z');
    expect(monthStart(new Date('2035-12-05T00:00:00Z'), 1).toISOString()).toBe('2035-12-31T16:00:00.000Z');
    expect(monthPartitionName('audit_events', monthStart(new Date('2035-12-31T17:00:00Z')))).toBe('audit_events_y2036m01');
  });
});

describe('the trails partitioned by month', () => {
  it('rows written before their month exists wait in the default partition and move into it when it is made', async () => {
    const { ctx } = testContext(database, april);
    for (let n = 1; n <= 30; n++) await perform(ctx, systemActor, note, { n });
    await buildDemand(ctx, world);
    // A receipt SMS of April, not sent yet.
    await database.db.execute(sql`insert into outbox_messages (channel, recipient, body, created_at, status)
                                  values ('sms', '13800001234', '您的诉求已受理', ${april.toISOString()}::timestamptz, 'pending')`);
    const aprilRows = await auditRowsOf(monthStart(april), monthStart(april, 1));
    expect(aprilRows.length).toBeGreaterThanOrEqual(31);
    expect(new Set(aprilRows.map((r) => r.part))).toEqual(new Set(['audit_events_default']));

    const created = await ensureMonthlyPartitions(database.db, may);
    expect(created).toEqual(
      expect.arrayContaining([
        'audit_events_y2035m04',
        'audit_events_y2035m05',
        'audit_events_y2035m07',
        'outbox_messages_y2035m06',
        'domain_events_y2035m05',
      ]),
    );
    const moved = await auditRowsOf(monthStart(april), monthStart(april, 1));
    expect(moved.map((r) => r.j)).toEqual(aprilRows.map((r) => r.j));
    expect(new Set(moved.map((r) => r.part))).toEqual(new Set(['audit_events_y2035m04']));
    // Run again (a second process, the next day): nothing more to make.
    expect(await ensureMonthlyPartitions(database.db, may)).toEqual([]);

    const { ctx: later } = testContext(database, may);
    await perform(later, systemActor, note, { n: 31 });
    const [{ part }] = await queryRows<{ part: string }>(
      database.db,
      sql`select tableoid::regclass::text as part from audit_events where resource = 'note' and resource_id = '31'`,
    );
    expect(part).toBe('audit_events_y2035m05');
  });

  it('a month that has ended is archived to a file and dropped, then restored from it row for row', async () => {
    const { ctx } = testContext(database, may);
    const before = await auditRowsOf(monthStart(april), monthStart(april, 1));
    const file = join(dir, 'audit_events_y2035m04.jsonl.gz');

    await expect(
      perform(ctx, systemActor, archivePartition, { partition: 'audit_events_y2035m05', write: archiveFileWriter(join(dir, 'may.gz')) }),
    ).rejects.toMatchObject({
      code: 'partition.not_ended',
    });
    await expect(
      perform(ctx, systemActor, archivePartition, { partition: 'audit_events_default', write: archiveFileWriter(join(dir, 'default.gz')) }),
    ).rejects.toMatchObject({
      code: 'partition.not_ended',
    });
    await expect(
      perform(ctx, systemActor, archivePartition, { partition: 'demands', write: archiveFileWriter(join(dir, 'x.gz')) }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });

    const archived = await perform(ctx, systemActor, archivePartition, {
      partition: 'audit_events_y2035m04',
      write: archiveFileWriter(file),
    });
    expect(archived.rows).toBe(before.length);
    expect(await auditRowsOf(monthStart(april), monthStart(april, 1))).toEqual([]);
    expect((await listPartitions(database.db)).map((p) => p.name)).not.toContain('audit_events_y2035m04');
    const [trail] = await queryRows<{ data: { rows: number; sha256: string } }>(
      database.db,
      sql`select data from audit_events where resource = 'partition' and action = 'archive' and resource_id = 'audit_events_y2035m04'`,
    );
    expect(trail.data).toMatchObject({ rows: before.length, sha256: archived.sha256 });

    const restored = await perform(ctx, systemActor, restorePartition, await readArchiveFile(file, 7));
    expect(restored.rows).toBe(before.length);
    const after = await auditRowsOf(monthStart(april), monthStart(april, 1));
    expect(after.map((r) => r.j)).toEqual(before.map((r) => r.j));
    expect(new Set(after.map((r) => r.part))).toEqual(new Set(['audit_events_y2035m04']));

    // Restoring twice would hold the month twice: refused, nothing loaded.
    await expect(perform(ctx, systemActor, restorePartition, await readArchiveFile(file))).rejects.toMatchObject({
      code: 'partition.overlaps',
    });
    // New rows still take ids past every restored one.
    await perform(ctx, systemActor, note, { n: 32 });
    const [{ newest, restoredMax }] = await queryRows<{ newest: number; restoredMax: number }>(
      database.db,
      sql`select (select id from audit_events where resource = 'note' and resource_id = '32') as newest,
                 (select max(id) from audit_events_y2035m04) as "restoredMax"`,
    );
    expect(Number(newest)).toBeGreaterThan(Number(restoredMax));
  });

  it('keeps a month that still owes a message', async () => {
    const { ctx } = testContext(database, may);
    const write = () => archiveFileWriter(join(dir, `outbox-${Math.random()}.gz`));
    await expect(
      perform(ctx, systemActor, archivePartition, { partition: 'outbox_messages_y2035m04', write: write() }),
    ).rejects.toMatchObject({
      code: 'partition.still_owed',
    });
    expect((await listPartitions(database.db)).map((p) => p.name)).toContain('outbox_messages_y2035m04');
    await database.db.execute(sql`update outbox_messages set status = 'sent' where created_at < ${monthStart(may).toISOString()}::timestamptz
                                    and created_at >= ${monthStart(april).toISOString()}::timestamptz`);
    const archived = await perform(ctx, systemActor, archivePartition, { partition: 'outbox_messages_y2035m04', write: write() });
    expect(archived.rows).toBeGreaterThanOrEqual(1);
  });

  it('the partition of everything before the cut-over is archived and restored with its open lower bound', async () => {
    const { ctx } = testContext(database, may);
    const [before] = (await listPartitions(database.db)).filter((p) => p.name === 'audit_events_before');
    expect(before.from).toBeNull();
    const rowsOf = () =>
      queryRows<{ j: string }>(database.db, sql`select row_to_json(a)::text as j from audit_events_before a order by id`);
    const held = await rowsOf();
    const file = join(dir, 'audit_events_before.jsonl.gz');
    const archived = await perform(ctx, systemActor, archivePartition, {
      partition: 'audit_events_before',
      write: archiveFileWriter(file),
    });
    expect(archived.rows).toBe(held.length);
    expect((await listPartitions(database.db)).map((p) => p.name)).not.toContain('audit_events_before');

    const restored = await perform(ctx, systemActor, restorePartition, await readArchiveFile(file));
    expect(restored.rows).toBe(held.length);
    const [again] = (await listPartitions(database.db)).filter((p) => p.name === 'audit_events_before');
    expect(again.from).toBeNull();
    expect(again.to?.toISOString()).toBe(before.to?.toISOString());
    expect((await rowsOf()).map((r) => r.j)).toEqual(held.map((r) => r.j));
  });

  it('a file that is not an archive is refused before anything is made', async () => {
    const bogus = join(dir, 'bogus.gz');
    writeFileSync(bogus, 'not gzip');
    await expect(readArchiveFile(bogus)).rejects.toMatchObject({ code: 'request.invalid' });
    const { ctx } = testContext(database, may);
    const pages = (async function* () {})();
    const header = {
      format: 'tingjian-archive',
      version: 1,
      table: 'audit_events',
      partition: 'audit_events_x; drop table demands',
      from: null,
      to: '2030-01-01T00:00:00Z',
    } as const;
    await expect(perform(ctx, systemActor, restorePartition, { header, pages })).rejects.toMatchObject({ code: 'request.invalid' });
  });
});
