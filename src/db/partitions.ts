import { sql } from 'drizzle-orm';
import { type ActionContext, type AppContext, audit, type JobQueue } from '../kernel/index.js';
import { chinaOffsetMs } from '../lib/china-time.js';
import { AppError } from '../lib/errors.js';
import type { Db, Tx } from './client.js';
import { queryRows } from './rows.js';

/**
 * The trails partitioned by month (migration 0039): append-mostly tables read by time or by what is still
 * owed, so a month that has ended can leave the database and come back. Demands and their events are not
 * among them (docs/decisions/0011).
 */
export const monthlyTables = [
  { table: 'audit_events', key: 'at', owed: null },
  // A message not yet sent, an event not yet handled: still owed, so its month stays.
  { table: 'outbox_messages', key: 'created_at', owed: "status in ('pending', 'sending')" },
  { table: 'domain_events', key: 'created_at', owed: 'handled_at is null' },
] as const;
export type MonthlyTable = (typeof monthlyTables)[number]['table'];

export type Partition = {
  table: MonthlyTable;
  name: string;
  /** Null: unbounded (the partition of everything before the cut-over, or the default one). */
  from: Date | null;
  to: Date | null;
  isDefault: boolean;
  /** The planner's estimate as of the last analyse (null before the first): exact counts would read every month. */
  rows: number | null;
  bytes: number;
};

// Months are Beijing's (UTC+8 all year, no daylight saving): a month starts at 16:00 UTC the day before.
const offsetMs = chinaOffsetMs;

/** The start of the month `add` months after the one `at` falls in. */
export function monthStart(at: Date, add = 0): Date {
  const local = new Date(at.getTime() + offsetMs);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + add, 1) - offsetMs);
}

export function monthPartitionName(table: MonthlyTable, start: Date): string {
  const local = new Date(start.getTime() + offsetMs);
  return `${table}_y${local.getUTCFullYear()}m${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

const bound = /^FOR VALUES FROM \((MINVALUE|'([^']+)')\) TO \('([^']+)'\)$/;

function partitionOf(row: { parent: string; name: string; bound: string; rows: number; bytes: number }): Partition {
  const table = row.parent as MonthlyTable;
  const rows = Number(row.rows) < 0 ? null : Number(row.rows);
  if (row.bound === 'DEFAULT') return { table, name: row.name, from: null, to: null, isDefault: true, rows, bytes: Number(row.bytes) };
  const m = bound.exec(row.bound);
  if (!m) throw new Error(`Unexpected bound of partition ${row.name}: ${row.bound}`);
  return {
    table,
    name: row.name,
    from: m[2] ? new Date(m[2]) : null,
    to: new Date(m[3]),
    isDefault: false,
    rows,
    bytes: Number(row.bytes),
  };
}

/** Every partition of the monthly tables, oldest first within each table. */
export async function listPartitions(db: Db | Tx): Promise<Partition[]> {
  const rows = await queryRows<{ parent: string; name: string; bound: string; rows: number; bytes: number }>(
    db,
    sql`select p.relname as parent, c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound,
               c.reltuples::bigint as rows, pg_total_relation_size(c.oid) as bytes
          from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
         where p.relname in (${sql.join(
           monthlyTables.map((t) => sql`${t.table}`),
           sql`, `,
         )}) and p.relnamespace = 'public'::regnamespace`,
  );
  return rows.map(partitionOf).sort((a, b) => a.table.localeCompare(b.table) || (a.from?.getTime() ?? -1) - (b.from?.getTime() ?? -1));
}

/** Whether a partition of the table (not the default) holds any time of [from, to); a null `from` is unbounded below. */
const holdsAnyOf = (p: Partition, from: Date | null, to: Date) =>
  !p.isDefault && p.to !== null && (from === null || p.to > from) && (p.from === null || p.from < to);

const literal = (d: Date) => sql.raw(`'${d.toISOString()}'`);

/**
 * Creates the month `now` falls in and the `ahead` months after it, where no partition holds them yet,
 * so that rows land in their month and not in the default partition; and the month of any row the default
 * partition holds (written under a clock ahead of the last run), moving those rows in, in the same transaction.
 * Safe to run from several processes at once; returns the partitions it created.
 */
export async function ensureMonthlyPartitions(db: Db, now: Date, ahead = 2): Promise<string[]> {
  const created: string[] = [];
  for (const { table, key } of monthlyTables) {
    // The months the default partition holds rows of (few rows: it has no index by time), then the months ahead.
    const held = await queryRows<{ at: string }>(
      db,
      sql`select min(${sql.identifier(key)}) as at from ${sql.identifier(`${table}_default`)}
           group by date_trunc('month', ${sql.identifier(key)} at time zone 'Asia/Shanghai')`,
    );
    const starts = new Map<number, Date>();
    for (const d of [...held.map((h) => monthStart(new Date(h.at))), ...Array.from({ length: ahead + 1 }, (_, i) => monthStart(now, i))]) {
      starts.set(d.getTime(), d);
    }
    for (const from of starts.values()) {
      const to = monthStart(from, 1);
      const made = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`partitions:${table}`}))`);
        if ((await listPartitions(tx)).some((p) => p.table === table && holdsAnyOf(p, from, to))) return null;
        const name = monthPartitionName(table, from);
        const parent = sql.identifier(table);
        const part = sql.identifier(name);
        const def = sql.identifier(`${table}_default`);
        const range = sql`${sql.identifier(key)} >= ${literal(from)} and ${sql.identifier(key)} < ${literal(to)}`;
        const [{ held }] = await queryRows<{ held: boolean }>(tx, sql`select exists (select 1 from ${def} where ${range}) as held`);
        if (held) await tx.execute(sql`alter table ${parent} detach partition ${def}`);
        await tx.execute(
          sql`create table ${part} partition of ${parent} (primary key (id)) for values from (${literal(from)}) to (${literal(to)})`,
        );
        if (held) {
          await tx.execute(sql`insert into ${parent} select * from ${def} where ${range}`);
          await tx.execute(sql`delete from ${def} where ${range}`);
          await tx.execute(sql`alter table ${parent} attach partition ${def} default`);
        }
        return name;
      });
      if (made) created.push(made);
    }
  }
  return created;
}

/** Makes the months ahead before the server serves, then once a day, in one process at a time. */
export async function schedulePartitions(app: Pick<AppContext, 'db' | 'now'>, jobs: JobQueue): Promise<void> {
  await ensureMonthlyPartitions(app.db, app.now());
  await jobs.every('ensure-partitions', '11 2 * * *', () => ensureMonthlyPartitions(app.db, app.now()), { atStart: false });
}

/** A partition's rows as JSON, a page at a time in id order (keyset: each page resumes on the primary key). */
export async function* partitionRows(tx: Tx, name: string, pageSize = 5_000): AsyncGenerator<string[]> {
  // No first bound: ids are integer in some of the tables and bigint in others.
  let after: number | null = null;
  for (;;) {
    const rows: { id: number; j: string }[] = await queryRows<{ id: number; j: string }>(
      tx,
      sql`select id, row_to_json(t)::text as j from ${sql.identifier(name)} t ${after === null ? sql`` : sql`where id > ${after}`}
           order by id limit ${pageSize}`,
    );
    if (rows.length) yield rows.map((r) => r.j);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].id);
  }
}

export type ArchiveHeader = {
  format: 'tingjian-archive';
  version: 1;
  table: MonthlyTable;
  partition: string;
  from: string | null;
  to: string;
};

/**
 * Archives one partition whose months have ended: hands its rows to `write` (which keeps them, e.g. in a
 * file, and resolves once they are safely stored), then detaches and drops it, recording the archive in
 * the audit trail, all in one transaction. Writes to the partition wait meanwhile (a share lock), so what
 * is dropped is what was written out. The running month, the months ahead and the default partition stay.
 */
export async function archivePartition(
  a: ActionContext,
  input: {
    partition: string;
    write: (header: ArchiveHeader, pages: AsyncGenerator<string[]>) => Promise<{ rows: number; sha256: string }>;
  },
): Promise<{ rows: number; sha256: string; header: ArchiveHeader }> {
  const p = (await listPartitions(a.tx)).find((x) => x.name === input.partition);
  if (!p) throw new AppError('not_found', { zh: `没有名为 ${input.partition} 的分区。`, en: `No partition named ${input.partition}.` });
  if (p.isDefault || !p.to || p.to > monthStart(a.now)) {
    const ends = p.to ? new Date(p.to.getTime() + offsetMs).toISOString().slice(0, 10) : null;
    throw new AppError('partition.not_ended', {
      ...(ends
        ? {
            zh: `分区 ${p.name} 到 ${ends} 零点（北京时间）才结束，之后才能归档。`,
            en: `Partition ${p.name} ends at the start of ${ends} (China time); it can be archived after that.`,
          }
        : {}),
      details: { partition: p.name, ...(ends ? { ends } : {}) },
    });
  }
  const header: ArchiveHeader = {
    format: 'tingjian-archive',
    version: 1,
    table: p.table,
    partition: p.name,
    from: p.from?.toISOString() ?? null,
    to: p.to.toISOString(),
  };
  await a.tx.execute(sql`lock table ${sql.identifier(p.name)} in share mode`);
  const owed = monthlyTables.find((t) => t.table === p.table)?.owed;
  if (owed) {
    const [{ n }] = await queryRows<{ n: number }>(
      a.tx,
      sql`select count(*)::int as n from ${sql.identifier(p.name)} where ${sql.raw(owed)}`,
    );
    if (Number(n) > 0) throw new AppError('partition.still_owed', { details: { partition: p.name, rows: Number(n) } });
  }
  const kept = await input.write(header, partitionRows(a.tx, p.name));
  const [{ n }] = await queryRows<{ n: number }>(a.tx, sql`select count(*)::int as n from ${sql.identifier(p.name)}`);
  if (Number(n) !== kept.rows) throw new Error(`Archive of ${p.name} holds ${kept.rows} rows of ${n}: nothing was dropped`);
  await a.tx.execute(sql`alter table ${sql.identifier(p.table)} detach partition ${sql.identifier(p.name)}`);
  await a.tx.execute(sql`drop table ${sql.identifier(p.name)}`);
  await audit(a, {
    resource: 'partition',
    resourceId: p.name,
    action: 'archive',
    data: { ...header, rows: kept.rows, sha256: kept.sha256 },
  });
  return { ...kept, header };
}

/**
 * Brings an archived partition back: creates it with its bounds again and loads its rows, with their ids,
 * in one transaction (all or none), recording the restore in the audit trail.
 */
export async function restorePartition(
  a: ActionContext,
  input: { header: ArchiveHeader; pages: AsyncIterable<string[]> },
): Promise<{ rows: number }> {
  const { header } = input;
  const table = monthlyTables.find((t) => t.table === header.table)?.table;
  const from = header.from === null ? null : new Date(header.from);
  const to = new Date(header.to);
  if (
    header.format !== 'tingjian-archive' ||
    header.version !== 1 ||
    !table ||
    !/^[a-z_0-9]+$/.test(header.partition) ||
    !header.partition.startsWith(`${table}_`) ||
    Number.isNaN(to.getTime()) ||
    (from !== null && Number.isNaN(from.getTime()))
  ) {
    throw new AppError('request.invalid', { zh: '不是有效的听见归档文件。', en: 'This is not a Tingjian archive file.' });
  }
  const overlapping = (await listPartitions(a.tx)).find((p) => p.table === table && holdsAnyOf(p, from, to));
  if (overlapping) {
    throw new AppError('partition.overlaps', {
      zh: `分区 ${overlapping.name} 已经包含这段时间，不能再恢复 ${header.partition}。`,
      en: `Partition ${overlapping.name} already holds this time; ${header.partition} cannot be restored over it.`,
    });
  }
  const parent = sql.identifier(table);
  const lower = from ? literal(from) : sql.raw('MINVALUE');
  await a.tx.execute(
    sql`create table ${sql.identifier(header.partition)} partition of ${parent} (primary key (id)) for values from (${lower}) to (${literal(to)})`,
  );
  let rows = 0;
  for await (const page of input.pages) {
    for (let i = 0; i < page.length; i += 1_000) {
      const chunk = page.slice(i, i + 1_000);
      // Into the partition itself: a row outside its bounds is refused, not routed elsewhere.
      await a.tx.execute(
        sql`insert into ${sql.identifier(header.partition)} select * from json_populate_recordset(null::${parent}, ${`[${chunk.join(',')}]`}::json)`,
      );
      rows += chunk.length;
    }
  }
  await audit(a, { resource: 'partition', resourceId: header.partition, action: 'restore', data: { ...header, rows } });
  return { rows };
}
