// A resident whose demand was merged into the same one from a neighbour is not left with "merged" and no answer:
// the lookup points to the demand handled for both, its progress and its reply.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeaders } from '../../src/lib/signature.js';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

const smsSecret = 'merged-sms-secret';
beforeAll(async () => ({ database, world, api } = await setUpApiWorld(worldStart, { smsSecret })));
afterAll(() => tearDownApiWorld({ database, api }));

describe('lookup of a merged demand', () => {
  it('shows the surviving number and its reply, with the other resident masked', async () => {
    const submit = async (name: string, phone: string) =>
      (
        await api.call('POST', '/api/v1/public/demands', {
          body: {
            content: '小区门口路灯坏了一周',
            reporterName: name,
            reporterPhone: phone,
            regionId: world.c1.id,
            type: 'complaint',
            idempotencyKey: `merge-${phone}`,
          },
        })
      ).body;
    const survivor = await submit('王大爷', '13811110001');
    const merged = await submit('李阿姨', '13811110002');
    const [sId, mId] = await Promise.all(
      [survivor.number, merged.number].map(
        async (n: string) => (await api.call('GET', `/api/v1/demands?q=${n}`, { token: world.tokens.operator })).body.items[0].id,
      ),
    );
    expect(
      (await api.call('POST', `/api/v1/demands/${mId}/merge`, { token: world.tokens.dispatcher, body: { intoDemandId: sId } })).status,
    ).toBe(200);
    const before = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: merged.number, phone: '13811110002' } });
    expect(before.body).toMatchObject({ state: 'merged', mergedInto: { number: survivor.number, state: 'registered', replyText: null } });

    await api.call('POST', `/api/v1/demands/${sId}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await api.call('POST', `/api/v1/demands/${sId}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    await api.call('POST', `/api/v1/demands/${sId}/reply`, {
      token: world.tokens.handlerA,
      body: { reply: '王大爷您好，路灯已于今日修复，回访电话 13811110001。' },
    });

    const after = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: merged.number, phone: '13811110002' } });
    expect(after.body.mergedInto).toMatchObject({ number: survivor.number, state: 'replied', unit: '区城市管理局' });
    expect(after.body.mergedInto.replyText).toContain('路灯已于今日修复');
    expect(after.text).not.toMatch(/王大爷|13811110001/);
    // The survivor's own resident sees no pointer.
    const own = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: survivor.number, phone: '13811110001' } });
    expect(own.body.mergedInto).toBeNull();

    // The merged resident heard of the answer under their own number, and rates it as the other resident does.
    const texts = await database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13811110002'));
    const told = texts.find((m) => m.template === 'merged_replied');
    expect(told?.body).toContain(merged.number);
    expect(told?.body).toContain(survivor.number);
    expect(after.body.callbackOpen).toBe(true);
    const rated = await api.call('POST', '/api/v1/public/demands/feedback', {
      body: { number: merged.number, phone: '13811110002', satisfaction: 'satisfied', solved: true },
    });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body).toMatchObject({ state: 'merged', callbackOpen: false });
    const again = await api.call('POST', '/api/v1/public/demands/feedback', {
      body: { number: merged.number, phone: '13811110002', satisfaction: 'unsatisfied', solved: false },
    });
    expect(again.status).toBe(409);
    const detail = await api.call('GET', `/api/v1/demands/${mId}`, { token: world.tokens.operator });
    expect(detail.body).toMatchObject({ state: 'merged', satisfaction: 'satisfied' });
    expect(detail.body.allowedActions).not.toContain('rate_merged');
    // The survivor's resident still gives their own callback.
    const survivorDetail = await api.call('GET', `/api/v1/demands/${sId}`, { token: world.tokens.operator });
    expect(survivorDetail.body.state).toBe('replied');
  });

  it('lets a merged resident rate by SMS, or the operator record it, only once the survivor is answered', async () => {
    const make = async (phone: string) =>
      (
        await api.call('POST', '/api/v1/demands', {
          token: world.tokens.operator,
          body: { content: '河坝村垃圾没人清运', reporterPhone: phone, regionId: world.c3.id },
        })
      ).body.id as number;
    const s = await make('13822220001');
    const m1 = await make('13822220002');
    const m2 = await make('13822220003');
    for (const m of [m1, m2])
      await api.call('POST', `/api/v1/demands/${m}/merge`, { token: world.tokens.dispatcher, body: { intoDemandId: s } });
    const early = await api.call('POST', `/api/v1/demands/${m1}/merged-callback`, {
      token: world.tokens.operator,
      body: { satisfaction: 'satisfied', solved: true },
    });
    expect(early.status).toBe(409);
    expect((await api.call('GET', `/api/v1/demands/${m1}`, { token: world.tokens.operator })).body.allowedActions).not.toContain(
      'rate_merged',
    );
    const answered = await api.call('POST', `/api/v1/demands/${s}/dispatch`, {
      token: world.tokens.dispatcher,
      body: { unitId: world.deptA.id },
    });
    expect(answered.status, answered.text).toBe(200);
    await api.call('POST', `/api/v1/demands/${s}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    const reply = await api.call('POST', `/api/v1/demands/${s}/reply`, { token: world.tokens.handlerA, body: { reply: '已安排清运。' } });
    expect(reply.status, reply.text).toBe(200);
    expect((await api.call('GET', `/api/v1/demands/${m1}`, { token: world.tokens.operator })).body.allowedActions).toContain('rate_merged');
    const byOperator = await api.call('POST', `/api/v1/demands/${m1}/merged-callback`, {
      token: world.tokens.operator,
      body: { satisfaction: 'basically_satisfied', solved: true },
    });
    expect(byOperator.status, byOperator.text).toBe(200);
    const raw = JSON.stringify({ messageId: 'merged-1', from: '13822220003', text: '2' });
    const inbound = await api.call('POST', '/api/v1/sms/inbound', {
      raw,
      headers: { 'content-type': 'application/json', ...signatureHeaders(smsSecret, raw, new Date()) },
    });
    expect(inbound.status, inbound.text).toBe(200);
    expect((await api.call('GET', `/api/v1/demands/${m2}`, { token: world.tokens.operator })).body).toMatchObject({
      state: 'merged',
      satisfaction: 'unsatisfied',
    });
  });
});
