import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testContext } from '../db.js';
import { startTestServer } from '../http.js';
import { buildWorld, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: Awaited<ReturnType<typeof startTestServer>>;
let demandA: { id: number; number: string };
let demandT2: { id: number };

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  api = await startTestServer(testContext(database).ctx);
  const a = await api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content: '路灯不亮，联系我 13812345678', reporterName: '张阿姨', reporterPhone: '13812345678', regionId: world.c1.id },
  });
  demandA = a.body;
  await api.call('POST', `/api/v1/demands/${demandA.id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
  const t2 = await api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content: '河坝村道路坑洼', reporterPhone: '13800000002', regionId: world.c3.id },
  });
  demandT2 = t2.body;
});
afterAll(async () => {
  await api.close();
  await database.drop();
});

describe('who sees what', () => {
  it('a handler of unit B can neither read nor act on unit A’s demand (404, as if absent)', async () => {
    const read = await api.call('GET', `/api/v1/demands/${demandA.id}`, { token: world.tokens.handlerB });
    expect(read.status).toBe(404);
    const act = await api.call('POST', `/api/v1/demands/${demandA.id}/acknowledge`, { token: world.tokens.handlerB, body: {} });
    expect(act.status).toBe(404);
    const list = await api.call('GET', '/api/v1/demands?pageSize=100', { token: world.tokens.handlerB });
    expect(list.body.items.map((d: { id: number }) => d.id)).not.toContain(demandA.id);
    const mine = await api.call('GET', `/api/v1/demands/${demandA.id}`, { token: world.tokens.handlerA });
    expect(mine.status).toBe(200);
    expect(mine.body.state).toBe('dispatched');
  });

  it('an operator scoped to one township does not see another township’s demands', async () => {
    expect((await api.call('GET', `/api/v1/demands/${demandA.id}`, { token: world.tokens.operatorT2 })).status).toBe(404);
    expect((await api.call('GET', `/api/v1/demands/${demandT2.id}`, { token: world.tokens.operatorT2 })).status).toBe(200);
    const list = await api.call('GET', '/api/v1/demands?pageSize=100', { token: world.tokens.operatorT2 });
    expect(list.body.items.map((d: { id: number }) => d.id)).toEqual([demandT2.id]);
    expect(list.body.total).toBe(1);
  });

  it('a role may see a demand yet not act on it (403)', async () => {
    const r = await api.call('POST', `/api/v1/demands/${demandA.id}/acknowledge`, { token: world.tokens.dispatcher, body: {} });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('auth.forbidden');
  });

  it('masks phone numbers for roles that do not need them', async () => {
    const phoneFor = async (who: keyof World['tokens']) =>
      (await api.call('GET', `/api/v1/demands/${demandA.id}`, { token: world.tokens[who] })).body.reporterPhone;
    expect(await phoneFor('operator')).toBe('13812345678');
    expect(await phoneFor('handlerA')).toBe('13812345678');
    expect(await phoneFor('dispatcher')).toBe('138****5678');
    expect(await phoneFor('supervisor')).toBe('138****5678');
  });

  it('a resident sees only their own demand, by number and phone', async () => {
    const own = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: demandA.number, phone: '13812345678' } });
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain('张阿姨');
    const wrongPhone = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: demandA.number, phone: '13900000000' } });
    const noSuch = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: '20991231999999', phone: '13812345678' } });
    expect([wrongPhone.status, noSuch.status]).toEqual([404, 404]);
    // The same answer either way: nothing tells whether the number exists.
    // (Each answer has its own request id, which says nothing about the number.)
    const sansId = (b: { error: Record<string, unknown> }) => ({ ...b.error, requestId: undefined });
    expect(sansId(wrongPhone.body)).toEqual(sansId(noSuch.body));
    const withdrawOther = await api.call('POST', '/api/v1/public/demands/withdraw', {
      body: { number: demandA.number, phone: '13900000000' },
    });
    expect(withdrawOther.status).toBe(404);
  });

  it('the public list of answered demands carries no names or phone numbers', async () => {
    for (const [who, verb, body] of [
      ['handlerA', 'acknowledge', {}],
      ['handlerA', 'reply', { reply: '已修复' }],
    ] as const) {
      await api.call('POST', `/api/v1/demands/${demandA.id}/${verb}`, { token: world.tokens[who], body });
    }
    const list = await api.call('GET', `/api/v1/public/demands?regionId=${world.t1.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain('张阿姨');
    expect(text).not.toContain('13812345678');
    expect(list.body.items[0].content).toContain('138****5678');
    expect((await api.call('GET', `/api/v1/public/demands?regionId=${world.t2.id}`)).body.items).toHaveLength(0);
  });
});

describe('authentication', () => {
  it('refuses anonymous and forged callers', async () => {
    expect((await api.call('GET', '/api/v1/demands')).status).toBe(401);
    const forged = await api.call('GET', '/api/v1/demands', { token: 'tj_forged' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('auth.required');
  });

  it('keeps admin work to admins', async () => {
    const body = { username: 'newbie', displayName: '新人', password: 'password-123', roles: [] };
    expect((await api.call('POST', '/api/v1/users', { token: world.tokens.supervisor, body })).status).toBe(403);
    expect((await api.call('POST', '/api/v1/users', { token: world.tokens.admin, body })).status).toBe(201);
    expect((await api.call('POST', '/api/v1/users', { token: world.tokens.admin, body })).status).toBe(409);
    expect(
      (
        await api.call('PUT', '/api/v1/calendar/days', {
          token: world.tokens.operator,
          body: { days: [{ day: '2026-12-31', kind: 'holiday' }] },
        })
      ).status,
    ).toBe(403);
    expect((await api.call('GET', '/api/v1/rates', { token: world.tokens.handlerA })).status).toBe(403);
    expect((await api.call('GET', '/api/v1/rates', { token: world.tokens.supervisor })).status).toBe(200);
  });

  it('signs in with a cookie and demands the CSRF token for changes', async () => {
    const login = await api.call('POST', '/api/v1/auth/login', { body: { username: 'dispatcher', password: 'password-123' } });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/tj_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];
    expect((await api.call('GET', '/api/v1/auth/me', { headers: { cookie } })).body.username).toBe('dispatcher');
    const noCsrf = await api.call('POST', `/api/v1/demands/${demandT2.id}/supervise`, { headers: { cookie }, body: { reason: 'x' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('auth.csrf');
    const withCsrf = await api.call('POST', `/api/v1/demands/${demandT2.id}/dispatch`, {
      headers: { cookie, 'x-csrf-token': login.body.csrfToken },
      body: { categoryId: world.lights.id },
    });
    expect(withCsrf.status).toBe(200);
    const bad = await api.call('POST', '/api/v1/auth/login', { body: { username: 'dispatcher', password: 'wrong-password' } });
    expect(bad.status).toBe(401);
    await api.call('POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': login.body.csrfToken } });
    expect((await api.call('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });
});
