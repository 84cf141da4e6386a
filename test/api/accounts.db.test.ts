import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggable } from '../../src/lib/loggable.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const login = (username: string, password: string) => api.call('POST', '/api/v1/auth/login', { body: { username, password } });

describe('accounts a district can run', () => {
  it('locks an account after repeated wrong passwords (429 with Retry-After), until an admin unlocks it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('dispatcher', `wrong-${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const right = await login('DISPATCHER', 'password-123');
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.body.error.message).toMatch(/分钟后再试/);
    expect((await api.call('POST', `/api/v1/users/${world.actors.dispatcher.userId}/unlock`, { token: world.tokens.admin })).status).toBe(
      204,
    );
    expect((await login('dispatcher', 'password-123')).status).toBe(200);
  });

  it('disabling an account stops its token at once; enabling it brings it back', async () => {
    expect((await api.call('GET', '/api/v1/auth/me', { token: world.tokens.handlerB })).status).toBe(200);
    expect((await api.call('POST', `/api/v1/users/${world.actors.handlerB.userId}/disable`, { token: world.tokens.admin })).status).toBe(
      204,
    );
    expect((await api.call('GET', '/api/v1/auth/me', { token: world.tokens.handlerB })).status).toBe(401);
    const users = (await api.call('GET', '/api/v1/users', { token: world.tokens.admin })).body.items;
    expect(users.find((u: { id: number }) => u.id === world.actors.handlerB.userId).disabled).toBe(true);
    expect((await api.call('POST', `/api/v1/users/${world.actors.admin.userId}/disable`, { token: world.tokens.admin })).status).toBe(400);
    expect((await api.call('POST', `/api/v1/users/${world.actors.handlerB.userId}/enable`, { token: world.tokens.admin })).status).toBe(
      204,
    );
    expect((await api.call('GET', '/api/v1/auth/me', { token: world.tokens.handlerB })).status).toBe(200);
  });

  it('an admin reset forces a password change before anything else; the last sign-in is shown', async () => {
    expect(
      (
        await api.call('POST', `/api/v1/users/${world.actors.handlerT1.userId}/password`, {
          token: world.tokens.admin,
          body: { password: 'temporary-1' },
        })
      ).status,
    ).toBe(204);
    const signed = await login('handlerT1', 'temporary-1');
    expect(signed.body.mustChangePassword).toBe(true);
    const cookie = signed.headers.get('set-cookie')!.split(';')[0];
    const headers = { cookie, 'x-csrf-token': signed.body.csrfToken };
    const blocked = await api.call('GET', '/api/v1/demands', { headers });
    expect(blocked.body.error?.code, blocked.text.slice(0, 200)).toBe('auth.password_change_required');
    const wrong = await api.call('POST', '/api/v1/auth/password', {
      headers,
      body: { currentPassword: 'nope', newPassword: 'my-own-password' },
    });
    expect(wrong.status).toBe(401);
    expect(
      (
        await api.call('POST', '/api/v1/auth/password', {
          headers,
          body: { currentPassword: 'temporary-1', newPassword: 'my-own-password' },
        })
      ).status,
    ).toBe(204);
    expect((await api.call('GET', '/api/v1/demands', { headers })).status).toBe(200);
    const users = (await api.call('GET', '/api/v1/users', { token: world.tokens.admin })).body.items;
    expect(users.find((u: { id: number }) => u.id === world.actors.handlerT1.userId).lastLoginAt).not.toBeNull();
  });

  it('lists one’s tokens without their values and revokes one so it stops at once; expired tokens do not work', async () => {
    const issued = await api.call('POST', '/api/v1/auth/tokens', {
      token: world.tokens.operator,
      body: { name: '集成', expiresInDays: 30 },
    });
    expect((await api.call('GET', '/api/v1/auth/me', { token: issued.body.token })).status).toBe(200);
    const list = await api.call('GET', '/api/v1/auth/tokens', { token: world.tokens.operator });
    expect(list.body.items.map((t: { name: string }) => t.name)).toContain('集成');
    expect(list.text).not.toContain(issued.body.token);
    expect((await api.call('POST', `/api/v1/auth/tokens/${issued.body.id}/revoke`, { token: world.tokens.handlerA })).status).toBe(404);
    expect((await api.call('POST', `/api/v1/auth/tokens/${issued.body.id}/revoke`, { token: world.tokens.operator })).status).toBe(204);
    expect((await api.call('GET', '/api/v1/auth/me', { token: issued.body.token })).status).toBe(401);
  });

  it('folds usernames’ case and refuses grants whose scope does not fit the role', async () => {
    const create = (username: string, roles: unknown[]) =>
      api.call('POST', '/api/v1/users', {
        token: world.tokens.admin,
        body: { username, displayName: '测试', password: 'password-123', roles },
      });
    expect((await create('Admin', [])).status).toBe(409);
    const bad = await create('scoped', [{ role: 'dispatcher', unitId: world.deptA.id }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('只有承办人员角色可以指定承办单位');
    expect((await create('Mixed.Case', [{ role: 'operator', regionId: world.t1.id }])).status).toBe(201);
    expect((await login('mixed.case', 'password-123')).status).toBe(200);
  });
});

describe('operations', () => {
  it('readiness checks the database; liveness does not', async () => {
    expect((await api.call('GET', '/healthz')).status).toBe(200);
    expect((await api.call('GET', '/readyz')).body).toEqual({ ok: true, database: 'ok' });
  });

  it('logs a failed query’s statement and parameter count, never its values', () => {
    const err = Object.assign(new Error('Failed query: insert into users values ($1, $2)\nparams: 13912345678,scrypt$abc'), {
      query: 'insert into users values ($1, $2)',
      params: ['13912345678', 'scrypt$abc'],
      cause: Object.assign(new Error('duplicate key'), { code: '23505' }),
    });
    const logged = JSON.stringify(loggable(err));
    expect(logged).toContain('insert into users');
    expect(logged).toContain('"paramCount":2');
    expect(logged).not.toMatch(/13912345678|scrypt\$abc/);
  });
});
