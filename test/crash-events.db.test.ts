import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, runMigrations } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { appContextFor, perform, systemActor } from '../src/kernel/index.js';
import { seedCategories } from '../src/modules/categories/seed.js';
import { dispatchDemand, registerDemand } from '../src/modules/demands/index.js';
import { putSetting } from '../src/modules/settings/index.js';
import { openTestDatabase, type TestDatabase } from './db.js';
import { startFakeCity } from './fakes/city12345.js';
import { startServerProcess } from './serve-child.js';
import { buildWorld } from './world.js';

// What follows intake must survive a crash too: the city's 12345 sends work orders, the server is
// killed (SIGKILL: no shutdown, no flush) while some of them wait for automatic dispatch; after a
// restart every acknowledged work order is dispatched by the system and the city hears of it.

const server = process.env.TINGJIAN_TEST_DB === 'postgres';
const secret = 'crash-city-secret';
let testDb: TestDatabase | null = null;
let dataDir = '';
let city: Awaited<ReturnType<typeof startFakeCity>>;

const lights = [
  '路灯不亮，晚上很黑',
  '路灯坏了好几天没人修',
  '小区路灯一到晚上就不亮',
  '路灯损坏，夜间出行不安全',
  '街边路灯不亮已经一个月',
  '滨河路路灯全部熄灭',
];
const water = ['小区突然停水没有通知', '自来水发黄有异味', '水压太低，楼上没水', '停水三天了什么时候恢复供水'];

function env(port: number): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TINGJIAN_PUBLIC_RATE_LIMIT: '0',
    TINGJIAN_CITY_URL: city.url,
    TINGJIAN_CITY_SECRET: secret,
    LOG_LEVEL: 'fatal',
  };
  if (server) e.DATABASE_URL = testDb!.url;
  else {
    delete e.DATABASE_URL;
    e.TINGJIAN_DATA_DIR = dataDir;
  }
  return e;
}

const start = (port: number) => startServerProcess(env(port), 60_000);

async function openStore(): Promise<Database> {
  return server ? openDatabase({ url: testDb!.url, poolSize: 2 }) : openDatabase({ dataDir });
}

beforeAll(async () => {
  city = await startFakeCity(secret);
  if (server) testDb = await openTestDatabase();
  else dataDir = mkdtempSync(join(tmpdir(), 'tingjian-crash-events-'));
  const store = server ? testDb! : await openDatabase({ dataDir });
  if (!server) {
    await runMigrations(store);
    await seedCategories(store.db);
  }
  // A district whose dispatchers have routed street lights to one department and water to another:
  // enough history for the suggestions to be confident about a street light.
  const world = await buildWorld(store.db);
  const ctx = appContextFor(store.db);
  const route = async (content: string, categoryId: number, unitId: number) => {
    const { demand } = await perform(ctx, systemActor, registerDemand, {
      channel: 'hotline',
      type: 'complaint',
      content,
      reporterPhone: '13800000000',
      regionId: world.c2.id,
      categoryId,
    });
    await perform(ctx, systemActor, dispatchDemand, { demandId: demand.id, unitId });
  };
  for (const t of lights) await route(t, world.lights.id, world.deptA.id);
  for (const t of water) await route(t, world.water.id, world.deptB.id);
  await putSetting(store.db, 'text.autoDispatchConfidence', 0.2);
  if (server) await testDb!.close();
  else await store.close();
});
afterAll(async () => {
  await city?.close();
  if (testDb) await testDb.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('events across a crash', () => {
  it('auto-dispatches and reports to the city every work order acknowledged before a SIGKILL', async () => {
    const port = 4200 + Math.floor(Math.random() * 20);
    const child = await start(port);
    const acknowledged: string[] = [];
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed && i < 100; i++) {
        const cityNumber = `SZ-CRASH-${w}-${i}`;
        try {
          const res = await city.sendWorkOrder(`http://127.0.0.1:${port}`, {
            cityNumber,
            receivedAt: '2026-12-01T09:00:00+08:00',
            dueAt: '2027-12-01T09:00:00+08:00',
            type: 'complaint',
            content: `桂花社区${w}号楼${i}单元门口路灯不亮，晚上很黑`,
            reporterPhone: '13600004242',
            regionCode: 'D1b',
          });
          if (res.status === 201) acknowledged.push(cityNumber);
          if (acknowledged.length >= 12 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        } catch {
          // The connection died with the server: this work order was never acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, (_, w) => worker(w)));
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
    expect(killed).toBe(true);

    // The kill came before automatic dispatch of at least one of them: its event is still owed.
    const owed = async () => {
      const store = await openStore();
      try {
        return await queryRows<{ number: string; state: string; handled: boolean; by: string | null }>(
          store.db,
          sql`select d.external_ref as number, d.state, e.handled_at is not null as handled,
                     (select x.actor_kind from demand_events x where x.demand_id = d.id and x.action = 'dispatch' limit 1) as by
              from demands d join domain_events e on e.subject_id = d.id and e.name = 'demand.registered'
              where d.channel = 'city12345' and d.external_ref in (${sql.join(
                acknowledged.map((n) => sql`${n}`),
                sql`, `,
              )})`,
        );
      } finally {
        await store.close();
      }
    };
    const atKill = await owed();
    expect(atKill).toHaveLength(acknowledged.length);
    expect(atKill.filter((r) => r.state === 'registered' && !r.handled).length).toBeGreaterThan(0);

    const again = await start(port);
    try {
      const reported = () => new Set(city.received.filter((r) => r.event === 'demand.dispatch').map((r) => r.body.cityNumber));
      for (let i = 0; i < 600 && !acknowledged.every((n) => reported().has(n)); i++) await new Promise((r) => setTimeout(r, 200));
      expect(acknowledged.filter((n) => !reported().has(n))).toEqual([]);
    } finally {
      again.kill('SIGTERM');
      await new Promise((r) => again.once('exit', r));
    }
    const after = await owed();
    expect(after.filter((r) => r.state !== 'dispatched' || r.by !== 'system' || !r.handled)).toEqual([]);
  }, 240_000);
});
