// Two server processes on one database (on the server, each with its own pool; on the embedded
// database, one handle shared): a resident's double submission makes one demand, and each SMS is
// sent once although both processes deliver the outbox at the same time; a retraining both ask for
// (the hourly job, come due in both) runs once, and both then suggest with its model.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { startJobQueue } from '../../src/db/job-queue.js';
import { queryRows } from '../../src/db/rows.js';
import { type JobQueue, perform } from '../../src/kernel/index.js';
import { quietLogger } from '../../src/lib/logger.js';
import { dispatchDemand } from '../../src/modules/demands/index.js';
import { type DeliveryOptions, deliverDue, httpGateway } from '../../src/modules/notifications/index.js';
import { retrainAfter, retrainJob } from '../../src/modules/text/index.js';
import { setUpWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startFakeSmsProvider } from '../fakes/sms-provider.js';
import { startTestServer } from '../http.js';
import { buildDemand, type World } from '../world.js';

const secret = 'two-process-secret';
let database: TestDatabase;
let second: Database;
let world: World;
let one: TestApi;
let two: TestApi;
let provider: Awaited<ReturnType<typeof startFakeSmsProvider>>;
let t: Awaited<ReturnType<typeof setUpWorld>>['t'];
const queues: JobQueue[] = [];
const now = () => new Date('2026-11-23T10:00:00+08:00');

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(now()));
  second = database.url ? await openDatabase({ url: database.url, poolSize: 4 }) : database;
  queues.push(await startJobQueue(database, quietLogger(), { pollingSeconds: 0.5 }));
  queues.push(await startJobQueue(second, quietLogger(), { pollingSeconds: 0.5 }));
  one = await startTestServer(t.ctx, { publicRateLimit: 0, jobs: queues[0] });
  two = await startTestServer({ db: second.db, now, log: quietLogger() }, { publicRateLimit: 0, jobs: queues[1] });
  provider = await startFakeSmsProvider(secret);
});
afterAll(async () => {
  for (const q of queues) await q.stop();
  await provider?.close();
  await two?.close();
  if (second && second !== database) await second.close();
  await tearDownApiWorld({ database, api: one });
});

describe('two processes, one database', () => {
  it('make one demand of a double submission and send every SMS once', async () => {
    // The same submission reaches both processes at once (a double tap behind a load balancer).
    const body = { content: '小区门口路灯坏了', reporterPhone: '13900002222', regionId: world.c1.id, idempotencyKey: 'double-tap-1' };
    const [a, b] = await Promise.all([
      one.call('POST', '/api/v1/public/demands', { body }),
      two.call('POST', '/api/v1/public/demands', { body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201].sort());
    expect(a.body.number).toBe(b.body.number);

    const phones: string[] = [];
    for (let i = 0; i < 20; i++) {
      const phone = `1390000${String(3000 + i)}`;
      phones.push(phone);
      const r = await (i % 2 ? one : two).call('POST', '/api/v1/public/demands', {
        body: { content: `第${i}号楼下水道堵了`, reporterPhone: phone, regionId: world.c1.id },
      });
      expect(r.status, r.text).toBe(201);
    }
    // Both processes deliver the outbox at the same time, each through its own pool.
    const delivery: DeliveryOptions = { sms: httpGateway({ url: provider.url, secret }), perHourLimit: 100, batch: 3 };
    const drain = async (db: Database['db']) => {
      for (let round = 0; round < 20; round++) {
        const done = await deliverDue({ db, now, log: quietLogger() }, delivery);
        if (!Object.values(done).some((n) => n > 0)) return;
      }
    };
    await Promise.all([drain(database.db), drain(second.db)]);
    const sent = provider.received.filter((r) => r.status === 200).map((r) => r.body.clientRef as string);
    expect(sent.length).toBe(21); // one receipt per demand
    expect(new Set(sent).size).toBe(sent.length);
    for (const phone of [...phones, '13900002222'])
      expect(
        provider.received.filter((r) => r.body.to === phone && r.status === 200),
        phone,
      ).toHaveLength(1);
  });

  it('retrain once when both ask, and both suggest with that model', async () => {
    const models = async () =>
      (await queryRows<{ version: string }>(database.db, sql`select version from text_models order by id`)).map((m) => m.version);
    const route = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const { demand } = await buildDemand(t.ctx, world, {
          title: null,
          content: `第${i}号楼停水，自来水没有了`,
          categoryId: world.water.id,
        });
        await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptB.id });
      }
    };
    await route(3);
    const { demand } = await buildDemand(t.ctx, world, { title: null, content: '楼里停水了' });
    const suggest = async (api: TestApi) => {
      const r = await api.call('GET', `/api/v1/demands/${demand.id}/suggestions`, { token: world.tokens.dispatcher });
      expect(r.status, r.text).toBe(200);
      return r.body.modelVersion as string;
    };
    // The first model: trained by the process asked first, stored, adopted by the other.
    const v1 = await suggest(one);
    expect(await models()).toEqual([v1]);
    expect(await suggest(two)).toBe(v1);

    await route(retrainAfter);
    // Stale, and stored two days ago: due. Requests never start a retraining; they answer with v1.
    await database.db.execute(sql`update text_models set created_at = ${new Date(now().getTime() - 48 * 3_600_000)}`);
    expect(await Promise.all([suggest(one), suggest(two)])).toEqual([v1, v1]);
    // The hourly job comes due in both processes at once (what their cron schedules do): one runs.
    await Promise.all([queues[0].request(retrainJob), queues[1].request(retrainJob)]);
    for (let i = 0; i < 240 && (await models()).length < 2; i++) await new Promise((r) => setTimeout(r, 500));
    const stored = await models();
    expect(stored).toHaveLength(2);
    // Long enough for a second job to have been taken, had there been one.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await models()).toEqual(stored);
    // Asked twice while it waited, the job is one: a second ask after the first was taken is a new job (which finds
    // the model fresh), so the count is of the jobs made before the first one started.
    const [{ jobs }] = await queryRows<{ jobs: number }>(
      database.db,
      sql`select count(*)::int as jobs from pgboss.job
           where name = ${retrainJob} and created_on <= (select min(started_on) from pgboss.job where name = ${retrainJob})`,
    );
    expect(jobs).toBe(1);
    expect(await Promise.all([suggest(one), suggest(two)])).toEqual([stored[1], stored[1]]);
  }, 180_000);
});
