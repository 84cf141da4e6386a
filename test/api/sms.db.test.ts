// Residents told by SMS: receipt → dispatched → replied → the resident texts "1" → thanked; TD opts out;
// quiet hours hold notices till morning; a provider's failure is retried with backoff — all against a
// fake provider on loopback that checks our signature.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/kernel/index.js';
import { type DeliveryOptions, deliverDue, httpGateway } from '../../src/modules/notifications/index.js';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startFakeSmsProvider } from '../fakes/sms-provider.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

const secret = 'provider-shared-secret';
let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;
let provider: Awaited<ReturnType<typeof startFakeSmsProvider>>;
let delivery: DeliveryOptions;

beforeAll(async () => {
  // 10:00 China time: outside quiet hours.
  ({ database, world, t } = await setUpWorld(new Date('2026-11-23T10:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient, smsSecret: secret });
  provider = await startFakeSmsProvider(secret);
  delivery = {
    sms: httpGateway({ url: provider.url, secret, templateIds: { receipt: 'SMS_1001', replied: 'SMS_1003' } }),
    quiet: { start: 22, end: 8 },
    perHourLimit: 10,
  };
});
afterAll(async () => {
  await provider?.close();
  await tearDownApiWorld({ database, api });
});

const phone = '13900001111';
const sentTo = (to: string) => provider.received.filter((r) => r.body.to === to && r.signed && r.status === 200);
const latest = async (template: string) =>
  (
    await database.db.select().from(outboxMessages).where(eq(outboxMessages.template, template)).orderBy(desc(outboxMessages.id)).limit(1)
  )[0];

describe('SMS to residents through a provider', () => {
  let number: string;
  let queryCode: string;
  let id: number;

  it('sends the receipt with number and query code, retrying after the provider fails', async () => {
    const submitted = await api.call('POST', '/api/v1/public/demands', {
      body: {
        content: '小区北门路灯坏了一周，晚上很黑',
        reporterName: '赵大爷',
        reporterPhone: phone,
        regionId: world.c1.id,
        type: 'complaint',
      },
    });
    expect(submitted.status, submitted.text).toBe(201);
    ({ number, queryCode } = submitted.body);
    expect((await latest('receipt')).status).toBe('pending');

    provider.failNext.push(503);
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ retry: 1, sent: 0 });
    const retrying = await latest('receipt');
    expect(retrying).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http 503' });
    // Not due yet: nothing is tried before the backoff runs out.
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 0, retry: 0 });
    t.advanceHours(1 / 60);
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 1 });

    const [receipt] = sentTo(phone);
    expect(receipt.body).toMatchObject({ templateId: 'SMS_1001', params: { number, queryCode } });
    expect(receipt.body.text).toContain(number);
    expect(receipt.body.text).toContain(queryCode);
    expect((await latest('receipt')).providerRef).toMatch(/^fake-/);
  });

  it('tells the resident when the demand is dispatched and answered, and asks for 1 or 2', async () => {
    id = (await api.call('GET', `/api/v1/demands?q=${number}`, { token: world.tokens.operator })).body.items[0].id;
    for (const [path, token, body] of [
      ['dispatch', world.tokens.dispatcher, { unitId: world.deptA.id }],
      ['acknowledge', world.tokens.handlerA, {}],
      ['reply', world.tokens.handlerA, { reply: '路灯已于今日修复。' }],
    ] as const) {
      const r = await api.call('POST', `/api/v1/demands/${id}/${path}`, { token, body });
      expect(r.status, r.text).toBe(200);
    }
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 2 });
    const texts = sentTo(phone).map((r) => r.body.text);
    expect(texts[1]).toContain('区城市管理局');
    expect(texts[2]).toMatch(/满意请回复1，不满意请回复2/);
    expect(sentTo(phone)[2].body.templateId).toBe('SMS_1003');
  });

  it('takes the resident’s “1” as the callback, once, and thanks them', async () => {
    const bad = await provider.report(api.base, { messageId: 'in-1', from: phone, text: '1' }, 'wrong-secret');
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('interop.bad_signature');

    const answered = await provider.report(api.base, { messageId: 'in-1', from: phone, text: ' 1 ' });
    expect(answered).toMatchObject({ status: 200, body: { outcome: 'survey' } });
    const demand = await api.call('GET', `/api/v1/demands/${id}`, { token: world.tokens.operator });
    expect(demand.body).toMatchObject({ state: 'callback_done', satisfaction: 'satisfied', solved: true });
    // The provider reports the same text twice: nothing changes the second time.
    const again = await provider.report(api.base, { messageId: 'in-1', from: phone, text: '1' });
    expect(again.body.outcome).toBe('survey');
    const events = (await api.call('GET', `/api/v1/demands/${id}`, { token: world.tokens.operator })).body.events;
    expect(events.filter((e: { action: string }) => e.action === 'record_callback')).toHaveLength(1);

    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 1 });
    expect(sentTo(phone).at(-1)!.body.text).toContain('已收到您对诉求');
  });

  it('holds notices during quiet hours, and sends nothing more after TD', async () => {
    t.setNow(new Date('2026-11-23T23:30:00+08:00'));
    const closed = await api.call('POST', `/api/v1/demands/${id}/close`, { token: world.tokens.operator, body: {} });
    expect(closed.status, closed.text).toBe(200);
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ deferred: 1, sent: 0 });
    expect((await latest('closed')).nextAttemptAt?.toISOString()).toBe(new Date('2026-11-24T08:00:00+08:00').toISOString());

    expect((await provider.report(api.base, { messageId: 'in-2', from: phone, text: 'TD' })).body.outcome).toBe('opted_out');
    t.setNow(new Date('2026-11-24T08:01:00+08:00'));
    const before = sentTo(phone).length;
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ skipped: 1, sent: 0 });
    expect(sentTo(phone)).toHaveLength(before);
    expect(await latest('closed')).toMatchObject({ status: 'skipped', lastError: 'opted_out' });
  });

  it('gives up on a message the provider refuses, and an admin can send it again', async () => {
    const other = '13900002222';
    const r = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '垃圾桶满了没人清理', reporterName: '钱阿姨', reporterPhone: other, regionId: world.c1.id, type: 'complaint' },
    });
    expect(r.status).toBe(201);
    provider.failNext.push(400);
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ failed: 1 });

    const list = await api.call('GET', '/api/v1/outbox?status=failed', { token: world.tokens.admin });
    expect(list.status).toBe(200);
    const failed = list.body.items[0];
    expect(failed).toMatchObject({ status: 'failed', recipient: '139****2222', recipientLabel: '139****2222', lastError: 'http 400' });
    // The query code is the resident's alone: the admin sees that it went, not what it was.
    expect(failed.body).toContain('******');
    expect(list.text).not.toContain(r.body.queryCode);
    expect(list.body.counts.failed).toBe(1);

    expect((await api.call('POST', `/api/v1/outbox/${failed.id}/retry`, { token: world.tokens.operator })).status).toBe(403);
    expect((await api.call('POST', `/api/v1/outbox/${failed.id}/retry`, { token: world.tokens.admin })).status).toBe(200);
    expect((await api.call('POST', `/api/v1/outbox/${failed.id}/retry`, { token: world.tokens.admin })).status).toBe(409);
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 1 });
  });

  it('takes a free text as a demand in the community it names, and texts back its number and query code', async () => {
    const added = await api.call('POST', '/api/v1/regions', {
      token: world.tokens.admin,
      body: { parentId: world.t1.id, level: 'community', name: '宝城社区', code: 'D1c' },
    });
    expect(added.status, added.text).toBe(201);
    const from = '13900003333';
    const text = '我家楼下路灯坏了三天了，宝城社区滨河路';
    const r = await provider.report(api.base, { messageId: 'in-free-1', from, text });
    expect(r).toMatchObject({ status: 200, body: { outcome: 'registered' } });
    // The provider reports it again: still one demand.
    expect((await provider.report(api.base, { messageId: 'in-free-1', from, text })).body.outcome).toBe('registered');
    const found = await api.call('GET', `/api/v1/demands?channel=sms&pageSize=100`, { token: world.tokens.operator });
    const mine = found.body.items.filter((d: { content?: string; title: string }) => d.title.startsWith('我家楼下路灯坏了三天了'));
    expect(mine).toHaveLength(1);
    const demand = (await api.call('GET', `/api/v1/demands/${mine[0].id}`, { token: world.tokens.operator })).body;
    expect(demand).toMatchObject({ channel: 'sms', state: 'registered', region: { id: added.body.id, name: '宝城社区' }, content: text });
    expect(demand.events.map((e: { action: string }) => e.action)).toEqual(['register']);

    const receipt = await latest('receipt');
    expect(receipt).toMatchObject({ demandId: demand.id, status: 'pending' });
    expect(await deliverDue(t.ctx, delivery)).toMatchObject({ sent: 1 });
    const [sent] = sentTo(from);
    expect(sent.body).toMatchObject({ templateId: 'SMS_1001', params: { number: demand.number } });
    expect(sent.body.params.queryCode).toMatch(/\w+/);
  });

  it('puts a text naming no place at the district, for the dispatcher to complete', async () => {
    const r = await provider.report(api.base, { messageId: 'in-free-2', from: '13900004444', text: '噪音太大了，晚上睡不着' });
    expect(r.body.outcome).toBe('registered');
    const found = await api.call('GET', `/api/v1/demands?channel=sms&pageSize=100`, { token: world.tokens.dispatcher });
    const mine = found.body.items.find((d: { title: string }) => d.title.startsWith('噪音太大了'));
    const demand = (await api.call('GET', `/api/v1/demands/${mine.id}`, { token: world.tokens.dispatcher })).body;
    expect(demand.region.id).toBe(world.district.id);
  });

  it('refuses an inbound report that is not JSON of the right shape, with a message', async () => {
    const r = await provider.report(api.base, { messageId: '', from: 'abc', text: '1' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBeTruthy();
  });
});
