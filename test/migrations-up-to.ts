import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { type Database, migrationsFolder } from '../src/db/client.js';

/**
 * Brings a server database up to and including the migration `tag`, not further: a database as an installation
 * had it before an upgrade (the test and the bench of migration 0039 start from it).
 */
export async function migrateUpTo(db: Database, tag: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tingjian-migrations-'));
  try {
    cpSync(migrationsFolder, dir, { recursive: true });
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const last = journal.entries.findIndex((e) => e.tag === tag);
    if (last < 0) throw new Error(`No migration ${tag}`);
    journal.entries = journal.entries.slice(0, last + 1);
    writeFileSync(journalPath, JSON.stringify(journal));
    await db.db.transaction((tx) => migrate(tx as never, { migrationsFolder: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
