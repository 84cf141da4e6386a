import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

describe('what residents may try without an account', () => {
  it('after 5 wrong query codes a number answers only to its phone, and the limit tells nothing about which numbers exist', async () => {
    const d = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '路灯不亮', reporterPhone: '13900007777', regionId: world.c1.id },
    });
    const wrong = (number: string) => api.call('POST', '/api/v1/public/demands/lookup', { body: { number, queryCode: '000000' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await wrong(d.body.number)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    const right = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: d.body.number, queryCode: d.body.queryCode } });
    expect(right.status).toBe(429);
    expect(right.body.error.message).toContain('手机号');
    const byPhone = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: d.body.number, phone: '13900007777' } });
    expect(byPhone.status).toBe(200);
    // A number that does not exist behaves the same way.
    const ghost = [];
    for (let i = 0; i < 6; i++) ghost.push((await wrong('20991231999999')).status);
    expect(ghost).toEqual([404, 404, 404, 404, 404, 429]);
  });

  it('a stranger guessing from one address does not shut the resident out; 30 guesses from anywhere do', async () => {
    const d = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '垃圾桶满了没人清', reporterPhone: '13900005555', regionId: world.c1.id },
    });
    const from = (address: string, queryCode: string) =>
      api.call('POST', '/api/v1/public/demands/lookup', {
        body: { number: d.body.number, queryCode },
        headers: { 'x-forwarded-for': address },
      });
    process.env.TINGJIAN_TRUST_PROXY = '1';
    try {
      const stranger: number[] = [];
      for (let i = 0; i < 6; i++) stranger.push((await from('203.0.113.7', '000000')).status);
      expect(stranger).toEqual([404, 404, 404, 404, 404, 429]);
      expect((await from('198.51.100.20', d.body.queryCode)).status).toBe(200);
      // Five more addresses, five guesses each: the number's own 30 are spent, for everyone.
      for (let a = 1; a <= 5; a++) for (let i = 0; i < 5; i++) expect((await from(`192.0.2.${a}`, '000000')).status).toBe(404);
      expect((await from('198.51.100.21', '000000')).status).toBe(429);
      expect((await from('198.51.100.20', d.body.queryCode)).status).toBe(429);
    } finally {
      delete process.env.TINGJIAN_TRUST_PROXY;
    }
  });

  it('a made-up phone beside a wrong code does not make the guess free', async () => {
    const d = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '井盖松动', reporterPhone: '13900006666', regionId: world.c1.id },
    });
    const lookup = (body: Record<string, string>) => api.call('POST', '/api/v1/public/demands/lookup', { body });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lookup({ number: d.body.number, phone: '13000000000', queryCode: '000000' })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    expect((await lookup({ number: d.body.number, phone: '13000000000', queryCode: d.body.queryCode })).status).toBe(429);
    // The resident's own phone still finds it.
    expect((await lookup({ number: d.body.number, phone: '13900006666' })).status).toBe(200);
  });

  it('a right code gives its point back: a resident who looks up every day is never locked out', async () => {
    const d = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '路面坑洼', reporterPhone: '13900005555', regionId: world.c1.id },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: d.body.number, queryCode: d.body.queryCode } })).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200]);
  });

  it('two servers on one database share the public per-address budget of page loads (the counter lives in the database)', async () => {
    const { startTestServer } = await import('../http.js');
    const { testContext } = await import('../db.js');
    const a = await startTestServer(testContext(database).ctx, {
      publicRateLimit: 3,
      publicReadRateLimit: 3,
      sqlClient: database.sqlClient,
    });
    const b = await startTestServer(testContext(database).ctx, {
      publicRateLimit: 3,
      publicReadRateLimit: 3,
      sqlClient: database.sqlClient,
    });
    try {
      const statuses = [];
      for (const server of [a, b, a, b])
        statuses.push((await server.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('each kind of public form has its own budget: lookups spent, a verification code is still sent', async () => {
    const { startTestServer } = await import('../http.js');
    const { testContext } = await import('../db.js');
    const server = await startTestServer(testContext(database).ctx, { publicRateLimit: 3, sqlClient: database.sqlClient });
    try {
      const lookups = [];
      for (let i = 0; i < 4; i++)
        lookups.push(
          (await server.call('POST', '/api/v1/public/demands/lookup', { body: { number: '20991231000001', phone: '13000000000' } })).status,
        );
      expect(lookups).toEqual([404, 404, 404, 429]);
      const code = await server.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13900004444' } });
      expect(code.status).not.toBe(429);
    } finally {
      await server.close();
    }
  });

  it('sends at most 5 verification codes an hour to one phone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13900008888' } })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect((await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13900009999' } })).status).toBe(202);
  });
});
