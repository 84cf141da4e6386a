import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Db } from '../kernel/db.js';
import { PrimaryFinder, primaryPool, splitHosts } from './primary.js';

/** Shared by both drivers: code typed against this runs on PGlite and on a server (the kernel's own type). */
export type { Db, Tx } from '../kernel/db.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** A raw query client in the shape of pg's `query(config)`: what the rate limiter's store speaks. */
export type SqlClient = { query(q: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: unknown[] }> };

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** The same database for libraries that speak SQL themselves (rate limiting). */
  sqlClient: SqlClient;
  /** The embedded instance, when kind is pglite (for snapshots and dumps). */
  pglite?: PGlite;
  /** LISTEN on a channel (a dedicated connection on the server); resolves to the unsubscriber. */
  listen(channel: string, onPayload: (payload: string | undefined) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

// The one place where driver differences in value types are evened out: pg returns int8 and
// numeric as strings, PGlite as numbers. Every id and count here fits in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type OpenOptions = {
  /** postgres://… to use a server; otherwise the embedded database. */
  url?: string;
  /** Folder for the embedded database; omitted = in memory. */
  dataDir?: string;
  /** An embedded database snapshot (from dumpDataDir) to start from. */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Leave PostgreSQL's JIT on (it compiles big counts and aggregates, costing 150 ms to seconds each: off by default). */
  jit?: boolean;
};

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const hosts = splitHosts(opts.url);
    const settings = [opts.jit ? '' : '-c jit=off'];
    let pool: pg.Pool;
    if (hosts.length > 1) {
      // A primary and its standbys: connections follow the primary through a failover, and a commit
      // waits until the standby has it (given synchronous_standby_names on the primary), so that an
      // acknowledged demand is on two machines whatever the server's own default.
      const finder = new PrimaryFinder(hosts);
      await finder.find();
      settings.push('-c synchronous_commit=on');
      pool = primaryPool(finder, { max: opts.poolSize ?? 16, options: settings.join(' ').trim() || undefined });
    } else {
      pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 16, options: settings.join(' ').trim() || undefined });
      // An idle connection the server drops (restart, admin command) must not take the process down;
      // the pool replaces it on the next query.
      pool.on('error', () => {});
    }
    // Fail fast with a clear message when the server is unreachable.
    const probe = await pool.connect();
    probe.release();
    const db = drizzlePg(pool) as unknown as Db;
    const listen = async (channel: string, onPayload: (payload: string | undefined) => void) => {
      let client: pg.PoolClient | null = null;
      let closed = false;
      // The listening connection lives as long as the process: when its server goes (a restart, a
      // failover) it is opened again, on whichever server is the primary by then.
      const subscribe = async (): Promise<void> => {
        const c = await pool.connect();
        c.on('notification', (m) => {
          if (m.channel === channel) onPayload(m.payload);
        });
        c.on('error', () => {
          c.release(true);
          if (client === c) client = null;
          if (!closed) void resubscribe();
        });
        await c.query(`listen ${pg.escapeIdentifier(channel)}`);
        client = c;
      };
      const resubscribe = async () => {
        while (!closed && !client) {
          await new Promise((r) => setTimeout(r, 1_000));
          await subscribe().catch(() => undefined);
        }
      };
      await subscribe();
      return once(async () => {
        closed = true;
        const c = client;
        client = null;
        if (!c) return;
        await c.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        c.release();
      });
    };
    return { db, kind: 'postgres', sqlClient: pool as unknown as SqlClient, listen, close: once(() => pool.end()) };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite(client) as unknown as Db;
  const sqlClient: SqlClient = { query: (q) => client.query(q.text, q.values) };
  const listen = async (channel: string, onPayload: (payload: string | undefined) => void) => {
    const stop = await client.listen(channel, (payload) => onPayload(payload));
    return once(async () => stop());
  };
  return { db, kind: 'pglite', pglite: client, sqlClient, listen, close: once(() => client.close()) };
}

/** Closing twice is harmless: tests and shutdown paths may both do it. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

/** Brings the schema up to date; safe to run any number of times, and from several processes. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // An advisory lock keeps two starting servers from migrating the same database at once.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(827364501)`);
    await migratePg(tx as never, { migrationsFolder });
  });
}
