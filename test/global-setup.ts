import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
    /** What this run's copies of the template are named after, so its teardown drops only its own. */
    pgCopyPrefix: string;
  }
}

const root = join(import.meta.dirname, '..');

/**
 * What a fresh test database is made of: the migrations, the seed and this file. A change to any
 * of them (or another PGlite) makes a new key, and so a new snapshot and template.
 */
export function databaseKey(): string {
  const hash = createHash('sha256');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const inputs = [
    ...files(join(root, 'drizzle')),
    ...files(join(root, 'src/modules/categories/seed')),
    join(root, 'src/modules/categories/seed.ts'),
    join(root, 'src/db/client.ts'),
    join(root, 'test/global-setup.ts'),
    join(root, 'node_modules/@electric-sql/pglite/package.json'),
  ].sort();
  for (const f of inputs) hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Kept between runs (and between worktrees' runs, which share nothing else). */
export const cacheDir = join(root, 'node_modules/.cache/tingjian-test');

/**
 * Builds each database once per content of the migrations and the seed — migrated, with the
 * default category tree — and keeps it: a second run (and every test file) starts from a copy in
 * well under a second instead of migrating from scratch.
 */
export default async function setup(project: TestProject) {
  const key = databaseKey();
  project.provide('pgliteSnapshot', await pgliteSnapshot(key));

  // Only the projects that run on the server need a template there.
  const url = project.name.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined;
  // Each project drops only its own copies: the browser files may still be running when the others end.
  const prefix = `tj_run_${process.pid}_${project.name.replace(/\W/g, '')}`;
  project.provide('pgTemplate', url ? await serverTemplate(url, key) : '');
  project.provide('pgCopyPrefix', prefix);

  return async () => {
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${prefix}\\_%`]);
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  };
}

async function pgliteSnapshot(key: string): Promise<string> {
  const snapshot = join(cacheDir, `pglite-${key}.tar.gz`);
  if (existsSync(snapshot)) return snapshot;
  const { openDatabase, runMigrations } = await import('../src/db/client.js');
  const { seedCategories } = await import('../src/modules/categories/seed.js');
  const embedded = await openDatabase({});
  await runMigrations(embedded);
  await seedCategories(embedded.db);
  const data = Buffer.from(await (await embedded.pglite!.dumpDataDir('gzip')).arrayBuffer());
  await embedded.close();
  mkdirSync(cacheDir, { recursive: true });
  // Written aside, then renamed: a run started meanwhile never reads half a snapshot.
  const partial = `${snapshot}.${process.pid}`;
  writeFileSync(partial, data);
  renameSync(partial, snapshot);
  // Snapshots of other keys may belong to a run still going (another branch, a run started before
  // a migration changed): only those untouched for a week are removed.
  const weekAgo = Date.now() - 7 * 86_400_000;
  for (const f of readdirSync(cacheDir)) {
    const path = join(cacheDir, f);
    if (f.startsWith('pglite-') && path !== snapshot && statSync(path).mtimeMs < weekAgo) rmSync(path, { force: true });
  }
  return snapshot;
}

/**
 * A migrated, seeded database on the server named after the key, left there for the next run.
 * Built under a name of its own, then renamed, so that a run never copies a half-built template.
 */
async function serverTemplate(url: string, key: string): Promise<string> {
  const template = `tj_tpl_${key}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (rowCount) return template;
    const building = `tj_build_${key}_${process.pid}`;
    await admin.query(`drop database if exists ${building}`);
    await admin.query(`create database ${building}`);
    const { openDatabase, runMigrations } = await import('../src/db/client.js');
    const { seedCategories } = await import('../src/modules/categories/seed.js');
    const server = await openDatabase({ url: withDatabase(url, building), poolSize: 2 });
    await runMigrations(server);
    await seedCategories(server.db);
    await server.close();
    try {
      await admin.query(`alter database ${building} rename to ${template}`);
    } catch {
      // Another run built the same template meanwhile: use theirs.
      await admin.query(`drop database if exists ${building} with (force)`);
    }
    return template;
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
