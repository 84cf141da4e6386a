// A primary and a streaming standby on this machine (initdb, pg_basebackup): the primary is killed
// in the middle of a burst of public intakes and the standby promoted; the same app process (no
// restart) finds the new primary by itself, every demand it acknowledged is there, and the outbox
// sends each receipt once. Runs with the server tests (TINGJIAN_TEST_DB=postgres); skipped, saying
// why, where PostgreSQL's programs are not installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, runMigrations } from '../../src/db/client.js';
import { quietLogger } from '../../src/lib/logger.js';
import { seedCategories } from '../../src/modules/categories/seed.js';
import { deliverDue, httpGateway } from '../../src/modules/notifications/index.js';
import { startFakeSmsProvider } from '../fakes/sms-provider.js';
import { startTestServer } from '../http.js';
import { buildWorld, type World } from '../world.js';
import { type makeClusters, postgresBin, primaryAndStandby, sqlOn } from './clusters.js';

const bin = postgresBin();
const onServer = process.env.TINGJIAN_TEST_DB === 'postgres';
if (onServer && !bin) console.warn('standby failover test skipped: no initdb (install PostgreSQL or set TINGJIAN_PG_BIN)');
const ports = { primary: 5433, standby: 5434 };
const secret = 'standby-sms-secret';
const now = () => new Date('2026-11-23T10:00:00+08:00');

let clusters: ReturnType<typeof makeClusters>;
let database: Database;
let world: World;
let api: Awaited<ReturnType<typeof startTestServer>>;
let provider: Awaited<ReturnType<typeof startFakeSmsProvider>>;

describe.skipIf(!onServer || !bin)('a standby that takes over', () => {
  beforeAll(async () => {
    clusters = await primaryAndStandby(bin!, ports);
    // Synchronous from here on: every commit on the primary waits until the standby has it.
    await sqlOn(clusters.primary.url('postgres'), `alter system set synchronous_standby_names = '*'`);
    await sqlOn(clusters.primary.url('postgres'), 'select pg_reload_conf()');
    for (let i = 0; i < 100; i++) {
      const [r] = await sqlOn<{ sync_state: string }>(clusters.primary.url('postgres'), 'select sync_state from pg_stat_replication');
      if (r?.sync_state === 'sync') break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const hosts = `postgres://postgres@127.0.0.1:${ports.primary},127.0.0.1:${ports.standby}/tingjian?target_session_attrs=read-write`;
    database = await openDatabase({ url: hosts, poolSize: 6 });
    await runMigrations(database);
    await seedCategories(database.db);
    world = await buildWorld(database.db);
    api = await startTestServer({ db: database.db, now, log: quietLogger() }, { publicRateLimit: 0, sqlClient: database.sqlClient });
    provider = await startFakeSmsProvider(secret);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await provider?.close();
    await database?.close();
    clusters?.remove();
  });

  it('keeps every acknowledged intake, serves again without a restart, and sends each receipt once', async () => {
    const acknowledged: string[] = [];
    const refusedAt: number[] = [];
    let promotedAt = 0;
    let n = 0;
    let stop = false;
    const intake = async () => {
      while (!stop) {
        const i = n++;
        const r = await api
          .call('POST', '/api/v1/public/demands', {
            body: {
              content: `第${i}号楼路灯不亮，晚上出行不便`,
              reporterPhone: `1391${String(i).padStart(7, '0')}`,
              regionId: world.c1.id,
            },
          })
          .catch(() => ({ status: 0, body: null }));
        if (r.status === 201) acknowledged.push(r.body.number);
        else {
          refusedAt.push(Date.now());
          await new Promise((res) => setTimeout(res, 100));
        }
      }
    };
    const burst = [intake(), intake(), intake(), intake()];
    while (acknowledged.length < 40) await new Promise((res) => setTimeout(res, 20));
    const beforeKill = acknowledged.length;
    clusters.killPrimary();
    const killedAt = Date.now();
    // The operator (or their tool) promotes the standby a moment later.
    await new Promise((res) => setTimeout(res, 1_000));
    clusters.promoteStandby();
    promotedAt = Date.now();
    while (acknowledged.length < beforeKill + 40 && Date.now() - promotedAt < 60_000) await new Promise((res) => setTimeout(res, 50));
    stop = true;
    await Promise.all(burst);

    const refused = refusedAt.filter((t) => t >= killedAt);
    const firstAfter = Date.now();
    console.log(
      `failover: ${beforeKill} acknowledged before the kill, ${acknowledged.length - beforeKill} after; ${refused.length} intakes refused, ` +
        `writes refused for ${refused.length ? ((Math.max(...refused) - killedAt) / 1000).toFixed(1) : 0} s (promoted ${((promotedAt - killedAt) / 1000).toFixed(1)} s after the kill)`,
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(beforeKill + 40);
    expect(firstAfter).toBeGreaterThan(promotedAt);

    // Every acknowledged demand is on the promoted standby, read there directly.
    const numbers = await sqlOn<{ number: string }>(clusters.standby.url('tingjian'), 'select number from demands');
    const kept = new Set(numbers.map((r) => r.number));
    expect(acknowledged.filter((x) => !kept.has(x))).toEqual([]);

    // The outbox carries on from the new primary: each demand's receipt goes out once.
    const delivery = { sms: httpGateway({ url: provider.url, secret }), perHourLimit: 100, batch: 50 };
    for (let round = 0; round < 50; round++) {
      const done = await deliverDue({ db: database.db, now, log: quietLogger() }, delivery);
      if (!Object.values(done).some((k) => k > 0)) break;
    }
    const sent = provider.received.filter((r) => r.status === 200).map((r) => r.body.clientRef as string);
    expect(new Set(sent).size).toBe(sent.length);
    const [{ receipts }] = await sqlOn<{ receipts: number }>(
      clusters.standby.url('tingjian'),
      `select count(*)::int as receipts from outbox_messages where channel = 'sms'`,
    );
    expect(sent.length).toBe(receipts);
    expect(sent.length).toBeGreaterThanOrEqual(acknowledged.length);
  }, 180_000);
});
