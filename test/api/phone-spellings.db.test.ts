// One spelling for a phone everywhere: the per-phone code limit and inbound survey replies see 139…, +86139…,
// 86139… and 0086139… as one number; codes go to mainland mobiles only, never to a satellite phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalPhone } from '../../src/lib/phone.js';
import { signatureHeaders } from '../../src/lib/signature.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
const smsSecret = 'phone-spellings-secret';

beforeAll(async () => ({ database, world, api } = await setUpApiWorld(undefined, { smsSecret })));
afterAll(() => tearDownApiWorld({ database, api }));

const sendCode = (phone: string) => api.call('POST', '/api/v1/public/verification-codes', { body: { phone } });

describe('phone spellings', () => {
  it('are one number to canonicalPhone', () => {
    for (const s of ['13900001111', '+8613900001111', '8613900001111', '008613900001111', '+86 139-0000-1111'])
      expect(canonicalPhone(s)).toBe('13900001111');
    expect(canonicalPhone('+1 415 555 0100')).toBe('+14155550100');
  });

  it('share one per-phone limit for codes: five an hour however the number is written', async () => {
    const spellings = ['13900001111', '+8613900001111', '8613900001111', '008613900001111'];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await sendCode(spellings[i % 4])).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
  });

  it('refuses a code to a satellite phone or a number abroad', async () => {
    for (const phone of ['13490001111', '17490001111', '+14155550100']) {
      const r = await sendCode(phone);
      expect(r.status, `${phone} ${r.text}`).toBe(400);
      expect(r.body.error.message).toMatch(/中国大陆手机/);
    }
  });

  it('take an inbound "1" from +86… as the answer to the survey of a demand registered as 139…', async () => {
    const created = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '河坝村路灯不亮', reporterPhone: '13833330001', regionId: world.c3.id },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as number;
    await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await api.call('POST', `/api/v1/demands/${id}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    const reply = await api.call('POST', `/api/v1/demands/${id}/reply`, { token: world.tokens.handlerA, body: { reply: '已修复。' } });
    expect(reply.status, reply.text).toBe(200);
    const raw = JSON.stringify({ messageId: 'spell-1', from: '+8613833330001', text: '1' });
    const inbound = await api.call('POST', '/api/v1/sms/inbound', {
      raw,
      headers: { 'content-type': 'application/json', ...signatureHeaders(smsSecret, raw, new Date()) },
    });
    expect(inbound.status, inbound.text).toBe(200);
    expect(inbound.text).not.toContain('no_survey_waiting');
    expect((await api.call('GET', `/api/v1/demands/${id}`, { token: world.tokens.operator })).body.satisfaction).toBe('satisfied');
  });
});
