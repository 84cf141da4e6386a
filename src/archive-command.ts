import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { runMigrations } from './db/client.js';
import { archiveFileWriter, readArchiveFile } from './db/partition-files.js';
import { archivePartition, ensureMonthlyPartitions, listPartitions, restorePartition } from './db/partitions.js';
import { queryRows } from './db/rows.js';
import { appContextFor, perform, systemActor } from './kernel/index.js';
import { localDay } from './modules/calendar/index.js';
import { openConfiguredDatabase } from './server.js';

export const archiveUsage = `  partitions [--ensure]          the months of the audit trail, outbox and domain events (--ensure: make the missing ones now)
  archive --partition NAME --out FILE
                                 write a month that has ended to FILE (gzip JSON lines), then drop it from the database
  unarchive --in FILE            bring an archived month back`;

const maxClockSkewMs = 5 * 60_000;
/** host:port/database of a connection string, without the password. */
const serverOf = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
};
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const day = (d: Date | null, open: string) => (d ? localDay(d) : open);

/** `tingjian partitions | archive | unarchive`: null when the command is none of these. */
export async function archiveCommand(command: string, args: string[], config: Config): Promise<number | null> {
  if (!['partitions', 'archive', 'unarchive'].includes(command)) return null;
  const { values } = parseArgs({
    args,
    options: {
      ensure: { type: 'boolean', default: false },
      partition: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
    },
  });
  if (command === 'archive' && (!values.partition || !values.out)) {
    console.error('archive: --partition NAME and --out FILE are required (see: tingjian partitions)');
    return 2;
  }
  if (command === 'unarchive' && !values.in) {
    console.error('unarchive: --in FILE is required');
    return 2;
  }
  // Which database is named before anything is done to it: a forgotten DATABASE_URL would otherwise make an empty one.
  console.log(`database: ${config.databaseUrl ? `PostgreSQL ${serverOf(config.databaseUrl)}` : `embedded, in ${config.dataDir}`}`);
  const database = await openConfiguredDatabase(config);
  try {
    await runMigrations(database);
    const app = appContextFor(database.db);
    if (command === 'partitions') {
      if (values.ensure) for (const name of await ensureMonthlyPartitions(database.db, app.now())) console.log(`made ${name}`);
      // A month never analysed has no estimate of its rows: analysing reads a sample, not the month.
      for (const p of await listPartitions(database.db))
        if (p.rows === null) await database.db.execute(sql`analyze ${sql.identifier(p.name)}`);
      console.log(`${'partition'.padEnd(32)} ${'days (China time)'.padEnd(40)} rows  size`);
      for (const p of await listPartitions(database.db)) {
        const span = p.isDefault ? '(default: rows of months not made yet)' : `${day(p.from, '…')} – ${day(p.to, '…')}`;
        console.log(`${p.name.padEnd(32)} ${span.padEnd(40)} ${p.rows === null ? 'not analysed yet' : `~${p.rows} rows`}  ${mb(p.bytes)}`);
      }
      return 0;
    }
    if (command === 'archive') {
      // Whether a month has ended is read off this machine's clock: one far from the database's would archive a
      // month still being written.
      const [{ skewMs }] = await queryRows<{ skewMs: number }>(
        database.db,
        sql`select extract(epoch from (now() - ${app.now().toISOString()}::timestamptz)) * 1000 as "skewMs"`,
      );
      if (Math.abs(Number(skewMs)) > maxClockSkewMs) {
        console.error(
          `archive: this machine's clock is ${Math.round(Number(skewMs) / 60_000)} minutes from the database's; set it right first (本机时钟与数据库时钟不一致，请先校准)`,
        );
        return 1;
      }
      const out = await perform(app, systemActor, archivePartition, {
        partition: values.partition ?? '',
        write: archiveFileWriter(values.out ?? ''),
      });
      console.log(
        `archive: ${out.rows} rows of ${out.header.partition} written to ${values.out} (sha256 of the rows ${out.sha256}) and dropped`,
      );
      return 0;
    }
    const { rows } = await perform(app, systemActor, restorePartition, await readArchiveFile(values.in ?? ''));
    console.log(`unarchive: ${rows} rows restored from ${values.in}`);
    return 0;
  } finally {
    await database.close();
  }
}
