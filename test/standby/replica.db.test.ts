// Reads that may lag go to a streaming replica (DATABASE_READ_URL): the public list of answered demands, 一屏, 三率,
// exports and Open311's lists. With the replica's replay paused, a demand answered on the primary is missing from
// the public list while its resident's own lookup (the primary) shows the answer, and 一屏 says how old its figures
// are; once replay resumes, the list has it. Runs with the server tests; skipped, saying why, without initdb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, runMigrations } from '../../src/db/client.js';
import { quietLogger } from '../../src/lib/logger.js';
import { seedCategories } from '../../src/modules/categories/seed.js';
import { startTestServer } from '../http.js';
import { buildWorld, type World } from '../world.js';
import { type makeClusters, postgresBin, primaryAndStandby, sqlOn } from './clusters.js';

const bin = postgresBin();
const onServer = process.env.TINGJIAN_TEST_DB === 'postgres';
if (onServer && !bin) console.warn('replica test skipped: no initdb (install PostgreSQL or set TINGJIAN_PG_BIN)');
const ports = { primary: 5435, standby: 5436 };
const now = () => new Date('2026-11-23T10:00:00+08:00');

let clusters: ReturnType<typeof makeClusters>;
let primary: Database;
let replica: Database;
let world: World;
let api: Awaited<ReturnType<typeof startTestServer>>;

/** A resident's demand taken to 已答复 on the primary: what the public list shows. */
async function answered(content: string, phone: string): Promise<string> {
  const made = await api.call('POST', '/api/v1/public/demands', { body: { content, reporterPhone: phone, regionId: world.c1.id } });
  expect(made.status, made.text).toBe(201);
  const id = (await api.call('GET', `/api/v1/demands?q=${encodeURIComponent(made.body.number)}`, { token: world.tokens.operator })).body
    .items[0].id;
  for (const [step, token, body] of [
    ['dispatch', world.tokens.dispatcher, { unitId: world.deptA.id }],
    ['acknowledge', world.tokens.handlerA, {}],
    ['reply', world.tokens.handlerA, { reply: '已修复，感谢反映。' }],
  ] as const) {
    const r = await api.call('POST', `/api/v1/demands/${id}/${step}`, { token, body });
    expect(r.status, `${step} ${r.text}`).toBe(200);
  }
  return made.body.number;
}

const publicNumbers = async () =>
  ((await api.call('GET', '/api/v1/public/demands?pageSize=50')).body.items as { number: string }[]).map((d) => d.number);

describe.skipIf(!onServer || !bin)('a replica for reading', () => {
  beforeAll(async () => {
    clusters = await primaryAndStandby(bin!, ports);
    primary = await openDatabase({ url: clusters.primary.url('tingjian'), poolSize: 4 });
    await runMigrations(primary);
    await seedCategories(primary.db);
    world = await buildWorld(primary.db);
    replica = await openDatabase({ url: clusters.standby.url('tingjian'), poolSize: 2 });
    api = await startTestServer(
      { db: primary.db, readDb: replica.db, now, log: quietLogger() },
      { publicRateLimit: 0, sqlClient: primary.sqlClient },
    );
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await replica?.close();
    await primary?.close();
    clusters?.remove();
  });

  it('serves the public list from the replica and a resident’s own demand from the primary', async () => {
    const first = await answered('小区门口路灯不亮', '13900005001');
    await expect.poll(publicNumbers, { timeout: 20_000 }).toContain(first);

    await sqlOn(clusters.standby.url('postgres'), 'select pg_wal_replay_pause()');
    const second = await answered('楼道灯不亮', '13900005002');
    // The replica has not replayed it: the public list is as it was; the resident's lookup reads the primary.
    await new Promise((r) => setTimeout(r, 500));
    expect(await publicNumbers()).not.toContain(second);
    const own = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: second, phone: '13900005002' } });
    expect(own.status).toBe(200);
    expect(own.body.state).toBe('replied');
    expect(own.body.replyText).toBe('已修复，感谢反映。');
    // 一屏 reads the replica too, and says how old what it shows is: before the paused replay, not the world's now.
    const screen = await api.call('GET', '/api/v1/dashboard', { token: world.tokens.supervisor });
    expect(screen.status).toBe(200);
    expect(new Date(screen.body.computedAt).getTime()).toBeLessThan(now().getTime());

    await sqlOn(clusters.standby.url('postgres'), 'select pg_wal_replay_resume()');
    await expect.poll(publicNumbers, { timeout: 20_000 }).toContain(second);
  }, 120_000);
});
