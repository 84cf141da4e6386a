import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, runMigrations } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { createRegion } from '../src/modules/regions/store.js';
import { openTestDatabase, type TestDatabase } from './db.js';
import { startServerProcess } from './serve-child.js';

// Kill the server (SIGKILL: no shutdown, no flush) in the middle of a burst of intakes; after
// a restart every intake that was answered 2xx must be there, and none may be half-written.

const server = process.env.TINGJIAN_TEST_DB === 'postgres';
let testDb: TestDatabase | null = null;
let dataDir = '';
let regionId = 0;

function env(port: number): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TINGJIAN_PUBLIC_RATE_LIMIT: '0',
    LOG_LEVEL: 'error',
  };
  if (server) e.DATABASE_URL = testDb!.url;
  else {
    delete e.DATABASE_URL;
    e.TINGJIAN_DATA_DIR = dataDir;
  }
  return e;
}

const start = (port: number) => startServerProcess(env(port), 30_000);

async function openStore(): Promise<Database> {
  return server ? openDatabase({ url: testDb!.url, poolSize: 2 }) : openDatabase({ dataDir });
}

beforeAll(async () => {
  if (server) testDb = await openTestDatabase();
  else dataDir = mkdtempSync(join(tmpdir(), 'tingjian-crash-'));
  const store = server ? testDb! : await openDatabase({ dataDir });
  await runMigrations(store);
  regionId = (
    await store.db.transaction((tx) => createRegion(tx, { parentId: null, level: 'district', name: '崩溃测试区', code: 'CRASH' }))
  ).id;
  if (server) await testDb!.close();
  else await store.close();
});
afterAll(async () => {
  if (testDb) await testDb.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('keeps every acknowledged intake and no half-written one across a SIGKILL', async () => {
    const port = 34000 + Math.floor(Math.random() * 2000);
    const child = await start(port);
    const acknowledged: { number: string; phone: string }[] = [];
    let attempted = 0;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed && i < 400; i++) {
        const phone = `139${String(w).padStart(2, '0')}${String(i).padStart(6, '0')}`;
        attempted++;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/demands`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              content: `崩溃测试 ${w}-${i}：楼道灯不亮`,
              reporterPhone: phone,
              regionId,
              idempotencyKey: `crash-${w}-${i}-key`,
            }),
          });
          if (res.status === 201) acknowledged.push({ number: (await res.json()).number, phone });
          if (acknowledged.length >= 150 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        } catch {
          // The connection died with the server: this intake was never acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, w) => worker(w)));
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    const again = await start(port);
    try {
      const missing: string[] = [];
      for (const a of acknowledged) {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/demands/lookup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ number: a.number, phone: a.phone }),
        });
        if (res.status !== 200) missing.push(a.number);
      }
      expect(missing).toEqual([]);
    } finally {
      again.kill('SIGTERM');
      await new Promise((r) => again.once('exit', r));
    }

    const store = await openStore();
    try {
      const [half] = await queryRows<{ orphans: number; eventless: number; total: number }>(
        store.db,
        sql`select (select count(*) from demand_events e where not exists (select 1 from demands d where d.id = e.demand_id))::int as orphans,
                   (select count(*) from demands d where not exists (select 1 from demand_events e where e.demand_id = d.id and e.action = 'register'))::int as eventless,
                   (select count(*) from demands)::int as total`,
      );
      expect(half.orphans).toBe(0);
      expect(half.eventless).toBe(0);
      expect(half.total).toBeGreaterThanOrEqual(acknowledged.length);
      expect(half.total).toBeLessThanOrEqual(attempted);
    } finally {
      await store.close();
    }
  }, 120_000);
});
