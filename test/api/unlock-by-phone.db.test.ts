// 短信解锁: someone else's ten wrong passwords lock an account; its owner lifts the lock with a code sent to the phone
// on the account, without waiting for an admin. The request says nothing of whether an account exists.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/kernel/index.js';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import { lastCodeTo, otherThan } from '../codes.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const login = (username: string, password: string) => api.call('POST', '/api/v1/auth/login', { body: { username, password } });
const texts = () => database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id));

describe('unlock by the account’s phone', () => {
  it('lifts the lock with the code sent to the phone; a wrong code does not; the trail says who', async () => {
    const created = await api.call('POST', '/api/v1/users', {
      token: world.tokens.admin,
      body: {
        username: 'Zhou.Desk',
        displayName: '周窗口',
        password: 'password-123',
        phone: '13700007777',
        roles: [{ role: 'operator', regionId: world.t1.id }],
      },
    });
    expect(created.status, created.text).toBe(201);
    for (let i = 0; i < 10; i++) expect((await login('zhou.desk', 'wrong-password')).status).toBe(401);
    const locked = await login('zhou.desk', 'password-123');
    expect(locked.status).toBe(429);
    expect(locked.body.error.details.locked).toBe(true);

    const before = (await texts()).length;
    const asked = await api.call('POST', '/api/v1/auth/unlock-code', { body: { username: 'ZHOU.DESK' } });
    expect(asked.status, asked.text).toBe(202);
    const [sms] = await texts();
    expect((await texts()).length).toBe(before + 1);
    expect(sms.recipient).toBe('13700007777');
    const code = await lastCodeTo(database.db, '13700007777');

    const wrong = await api.call('POST', '/api/v1/auth/unlock', {
      body: { username: 'zhou.desk', code: otherThan(code) },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('验证码不正确或已过期，请重新获取。');
    expect((await login('zhou.desk', 'password-123')).status).toBe(429);

    const unlocked = await api.call('POST', '/api/v1/auth/unlock', { body: { username: 'zhou.desk', code } });
    expect(unlocked.status, unlocked.text).toBe(204);
    expect((await login('zhou.desk', 'password-123')).status).toBe(200);
    // Used once.
    expect((await api.call('POST', '/api/v1/auth/unlock', { body: { username: 'zhou.desk', code } })).status).toBe(400);
    const trail = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.resourceId, String(created.body.id)));
    expect(trail.some((e) => e.action === 'unlock' && e.resource === 'user')).toBe(true);
  });

  it('answers an unknown account, or one without a phone, as any other and sends nothing', async () => {
    const before = (await texts()).length;
    for (const username of ['nobody-here', 'operator']) {
      const r = await api.call('POST', '/api/v1/auth/unlock-code', { body: { username } });
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ sent: true });
    }
    expect((await texts()).length).toBe(before);
    const r = await api.call('POST', '/api/v1/auth/unlock', { body: { username: 'nobody-here', code: '123456' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('验证码不正确或已过期，请重新获取。');
  });

  it('sends at most five codes an hour for one account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await api.call('POST', '/api/v1/auth/unlock-code', { body: { username: 'someone.else' } })).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses[5]).toBe(429);
  });
});
