// The exchange with the city's 12345, both sides on loopback: a work order comes down signed, becomes a
// demand with the city's number and deadline, and every step goes back up as a signed webhook, retried
// when the city is away, while the resident hears from the city, not from us.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/kernel/index.js';
import { quietLogger } from '../../src/lib/logger.js';
import { type DeliveryOptions, deliverDue, logGateway } from '../../src/modules/notifications/index.js';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startFakeCity } from '../fakes/city12345.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

const secret = 'city-shared-secret';
let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;
let city: Awaited<ReturnType<typeof startFakeCity>>;
let delivery: DeliveryOptions;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2026-11-23T10:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient, citySecret: secret });
  city = await startFakeCity(secret);
  delivery = { sms: logGateway(quietLogger()), webhooks: { city12345: { url: city.url, secret } } };
});
afterAll(async () => {
  await city?.close();
  await tearDownApiWorld({ database, api });
});

const order = () => ({
  cityNumber: 'SZ12345-20261123-0042',
  receivedAt: '2026-11-23T09:40:00+08:00',
  dueAt: '2026-11-24T09:40:00+08:00',
  type: 'complaint',
  content: '丽发新城3栋门口路灯不亮已一周',
  reporterName: '孙女士',
  reporterPhone: '13600004242',
  regionCode: 'D1a',
  categoryName: '城乡建设/城市建设和市政管理/城市公共设施',
});

describe('exchange with the city’s 12345', () => {
  let number: string;
  let id: number;

  it('takes a signed work order once, with the city’s number and deadline', async () => {
    expect((await city.sendWorkOrder(api.base, order(), 'not-the-secret')).status).toBe(401);
    const first = await city.sendWorkOrder(api.base, order());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    number = first.body.number;
    const again = await city.sendWorkOrder(api.base, order());
    expect(again).toMatchObject({ status: 200, body: { number, created: false } });

    const bad = await city.sendWorkOrder(api.base, { ...order(), cityNumber: 'SZ-0043', regionCode: 'X9' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('X9');
    const late = await city.sendWorkOrder(api.base, { ...order(), cityNumber: 'SZ-0044', dueAt: '2026-11-23T09:00:00+08:00' });
    expect(late.status).toBe(400);

    const found = (await api.call('GET', `/api/v1/demands?q=${number}`, { token: world.tokens.operator })).body.items[0];
    expect(found).toMatchObject({ channel: 'city12345', externalRef: 'SZ12345-20261123-0042', category: { id: world.lights.id } });
    id = found.id;
  });

  it('acknowledges up to the city, retrying while the city is away', async () => {
    city.failNext.push(503);
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ retry: 1 });
    t.advanceHours(1 / 60);
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 1 });
    expect(city.received[0]).toMatchObject({ event: 'work_order.accepted', body: { cityNumber: 'SZ12345-20261123-0042', number } });
  });

  it('keeps the city’s deadline and reports every step, with the reply and the callback', async () => {
    for (const [path, token, body] of [
      ['dispatch', world.tokens.dispatcher, { unitId: world.deptA.id }],
      ['acknowledge', world.tokens.handlerA, {}],
      ['reply', world.tokens.handlerA, { reply: '路灯线路已修复，今晚恢复照明。' }],
      ['callback', world.tokens.operator, { satisfaction: 'satisfied', solved: true }],
      ['close', world.tokens.operator, {}],
    ] as const) {
      const r = await api.call('POST', `/api/v1/demands/${id}/${path}`, { token, body });
      expect(r.status, `${path}: ${r.text}`).toBe(200);
      if (path === 'dispatch') expect(new Date(r.body.replyDueAt) <= new Date(order().dueAt)).toBe(true);
    }
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 5 });
    expect(city.received.map((r) => r.event)).toEqual([
      'work_order.accepted',
      'demand.dispatch',
      'demand.acknowledge',
      'demand.reply',
      'demand.record_callback',
      'demand.close',
    ]);
    expect(city.received[3].body).toMatchObject({
      cityNumber: 'SZ12345-20261123-0042',
      state: 'replied',
      replyText: '路灯线路已修复，今晚恢复照明。',
    });
    expect(city.received[4].body).toMatchObject({ satisfaction: 'satisfied', solved: true });
    expect(city.refused()).toBe(0);
    // The city speaks to its caller: no SMS from us for a city work order.
    const sms = await database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13600004242'));
    expect(sms).toEqual([]);
  });

  it('keeps trying a city that refuses our signature, and shows the failure to admins', async () => {
    const wrong: DeliveryOptions = { ...delivery, webhooks: { city12345: { url: city.url, secret: 'stale-secret' } } };
    await city.sendWorkOrder(api.base, { ...order(), cityNumber: 'SZ-0045' });
    expect(await deliverDue(t.ctx, wrong)).toMatchObject({ failed: 1 });
    const failed = await api.call('GET', '/api/v1/outbox?channel=webhook&status=failed', { token: world.tokens.admin });
    expect(failed.body.items[0]).toMatchObject({ recipient: 'city12345', template: 'work_order.accepted', lastError: 'http 401' });
    // Fixed configuration: the admin retries and it goes.
    await api.call('POST', `/api/v1/outbox/${failed.body.items[0].id}/retry`, { token: world.tokens.admin });
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 1 });
    expect(city.received.at(-1)!.body.cityNumber).toBe('SZ-0045');
  });
});
