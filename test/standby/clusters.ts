// Two PostgreSQL servers on this machine for the failover test: a primary and a streaming standby
// built from it with pg_basebackup, as docs/operations/standby.md has an operator do it.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The newest installed PostgreSQL's programs (initdb, pg_ctl, pg_basebackup), if any. */
export function postgresBin(): string | null {
  if (process.env.TINGJIAN_PG_BIN) return existsSync(join(process.env.TINGJIAN_PG_BIN, 'initdb')) ? process.env.TINGJIAN_PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

export type Cluster = { dir: string; port: number; url: (db: string) => string };

/** Runs a PostgreSQL program as the postgres user (it refuses to run as root). */
function asPostgres(bin: string, program: string, args: string[]) {
  const cmd = [join(bin, program), ...args];
  if (process.getuid?.() === 0) {
    const quoted = cmd.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe' }).toString();
  }
  return execFileSync(cmd[0], cmd.slice(1), { stdio: 'pipe' }).toString();
}

export function makeClusters(bin: string, ports: { primary: number; standby: number }) {
  const root = mkdtempSync(join(tmpdir(), 'tingjian-standby-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(root, uid, gid);
  }
  const cluster = (name: string, port: number): Cluster => ({
    dir: join(root, name),
    port,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
  });
  const primary = cluster('primary', ports.primary);
  const standby = cluster('standby', ports.standby);
  const start = (c: Cluster) =>
    asPostgres(bin, 'pg_ctl', ['-D', c.dir, '-l', `${c.dir}.log`, '-w', '-t', '60', '-o', `-p ${c.port} -k ${root}`, 'start']);
  return {
    primary,
    standby,
    initPrimary() {
      asPostgres(bin, 'initdb', ['-D', primary.dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
      // synchronous_standby_names is set once a standby streams (see the test): before, a commit would wait for none.
      const conf = ["listen_addresses = '127.0.0.1'"].join('\n');
      execFileSync('sh', ['-c', `cat >> '${join(primary.dir, 'postgresql.conf')}'`], { input: `${conf}\n` });
      start(primary);
    },
    /** The standby from a base backup of the running primary; -R writes standby.signal and primary_conninfo. */
    initStandby() {
      asPostgres(bin, 'pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        standby.dir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ]);
      start(standby);
    },
    /** The primary's machine is lost: stopped at once, without a checkpoint (what a crash leaves). */
    killPrimary() {
      asPostgres(bin, 'pg_ctl', ['-D', primary.dir, '-m', 'immediate', 'stop']);
    },
    promoteStandby() {
      asPostgres(bin, 'pg_ctl', ['-D', standby.dir, '-w', 'promote']);
    },
    remove() {
      for (const c of [primary, standby]) {
        if (existsSync(join(c.dir, 'postmaster.pid'))) {
          try {
            asPostgres(bin, 'pg_ctl', ['-D', c.dir, '-m', 'immediate', 'stop']);
          } catch {
            // already stopped
          }
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** One query on its own connection (to either server, whatever the app's pool is doing). */
export async function sqlOn<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

/** A primary with an empty `tingjian` database and a standby streaming from it, both running. */
export async function primaryAndStandby(bin: string, ports: { primary: number; standby: number }) {
  const clusters = makeClusters(bin, ports);
  clusters.initPrimary();
  await sqlOn(clusters.primary.url('postgres'), 'create database tingjian');
  clusters.initStandby();
  return clusters;
}
