import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testContext } from '../../test/db.js';
import { buildDemand, buildWorld, hostileTitle, tinyPng, type World } from '../../test/world.js';
import { perform } from '../kernel/index.js';
import { addAttachment, dispatchDemand } from '../modules/demands/index.js';
import { unscrambleSerial } from '../modules/demands/numbering.js';
import { backupTables, dumpDatabase, identityTables, restoreDatabase, transientTables } from './backup.js';
import { type Database, openDatabase } from './client.js';
import { queryRows } from './rows.js';

let source: TestDatabase;
let world: World;
const png = tinyPng;

beforeAll(async () => {
  source = await openTestDatabase();
  world = await buildWorld(source.db);
  const { ctx } = testContext(source);
  for (let i = 0; i < 3; i++) {
    const { demand } = await buildDemand(ctx, world);
    await perform(ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    await perform(ctx, world.actors.operator, addAttachment, {
      demandId: demand.id,
      filename: '照片.png',
      contentType: 'image/png',
      data: png,
    });
  }
});
afterAll(async () => source.drop());

/** An empty, migrated embedded database (the test snapshot less its seeded categories). */
async function emptyEmbedded(): Promise<Database> {
  const db = await openDatabase({ loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]) });
  await db.db.execute(sql`delete from categories`);
  return db;
}

const fingerprint = async (db: Database) => {
  const [row] = await queryRows<Record<string, unknown>>(
    db.db,
    sql`select (select count(*) from demands)::int as demands, (select count(*) from demand_events)::int as events,
               (select string_agg(number || ':' || title || ':' || state, '|' order by id) from demands) as summary,
               (select string_agg(encode(data, 'hex'), '|' order by id) from attachments) as files,
               (select count(*) from categories)::int as categories, (select count(*) from users)::int as users`,
  );
  return row;
};

describe('what a backup covers', () => {
  it('every table of the schema is either backed up or declared transient; every identity table has its sequence reset', async () => {
    const tables = await queryRows<{ name: string }>(
      source.db,
      // A partitioned table is one table; its months (pg_class.relispartition) are read and restored through it.
      sql`select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') and not relispartition`,
    );
    expect(tables.map((t) => t.name).sort()).toEqual([...backupTables, ...transientTables].sort());
    const withIdentity = await queryRows<{ name: string }>(
      source.db,
      sql`select table_name as name from information_schema.columns
           where table_schema = 'public' and column_name = 'id' and is_identity = 'YES'
             and table_name not in (select relname from pg_class where relispartition)`,
    );
    const transient: readonly string[] = transientTables;
    expect(
      withIdentity
        .map((t) => t.name)
        .filter((t) => !transient.includes(t))
        .sort(),
    ).toEqual([...identityTables].sort());
  });
});

describe('backup and restore', () => {
  it('restores a dump into an empty embedded database, byte for byte, and numbering carries on', async () => {
    const { bytes, rows } = await dumpDatabase(source.db);
    expect(rows).toBeGreaterThan(500);
    const target = await emptyEmbedded();
    try {
      await restoreDatabase(target.db, bytes);
      const [a, b] = [await fingerprint(source), await fingerprint(target)];
      expect(b).toEqual(a);
      expect(String(b.summary)).toContain(hostileTitle);
      const { ctx } = testContext(target);
      const { demand } = await buildDemand(ctx, world);
      // The restored key and sequence go on where the source stopped: the next serial is the next value.
      const [{ key, seq }] = await queryRows<{ key: string; seq: string }>(
        source.db,
        sql`select (select value from installation_secrets) as key, (select last_value::text from demand_number_seq) as seq`,
      );
      expect(unscrambleSerial(demand.number.slice(8), key)).toBe((Number(seq) + 1) % 1_000_000);
    } finally {
      await target.close();
    }
  });

  it('restores across database kinds when a server is configured', async () => {
    if (process.env.TINGJIAN_TEST_DB !== 'postgres') return;
    // Server → embedded was covered above with the server as source; now embedded → server.
    const embedded = await emptyEmbedded();
    const server = await openTestDatabase();
    try {
      await restoreDatabase(embedded.db, (await dumpDatabase(source.db)).bytes);
      await server.db.execute(sql`delete from categories`);
      await restoreDatabase(server.db, (await dumpDatabase(embedded.db)).bytes);
      expect(await fingerprint(server)).toEqual(await fingerprint(source));
    } finally {
      await embedded.close();
      await server.drop();
    }
  });

  it('refuses to restore over existing data, and refuses a file that is not a backup, changing nothing', async () => {
    const { bytes } = await dumpDatabase(source.db);
    const before = await fingerprint(source);
    await expect(restoreDatabase(source.db, bytes)).rejects.toThrow(/not empty/);
    await expect(restoreDatabase(source.db, Buffer.from('not a backup'))).rejects.toThrow(/not a Tingjian backup/);
    expect(await fingerprint(source)).toEqual(before);
  });
});
