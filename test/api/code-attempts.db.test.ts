// A verification code takes five tries, however they arrive: thirty wrong codes sent at once are
// counted one by one (the code's row is locked and each wrong try committed with its audit event),
// so five are checked and the rest refused, and the right code after them is refused too.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/kernel/index.js';
import { phoneKey } from '../../src/modules/notifications/index.js';
import { phoneVerifications } from '../../src/modules/notifications/tables.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import { lastCodeTo, otherThan } from '../codes.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

async function codeFor(phone: string): Promise<string> {
  expect((await api.call('POST', '/api/v1/public/verification-codes', { body: { phone } })).status).toBe(202);
  return lastCodeTo(database.db, phone);
}

const propose = (phone: string, code: string) =>
  api.call('POST', '/api/v1/public/proposals', {
    body: { regionId: world.c1.id, title: '增设休闲座椅', body: '院坝里没有坐的地方', phone, code },
  });

describe('verification code attempts', () => {
  it('thirty wrong codes at once: five counted, and the right code after them is refused', async () => {
    const phone = '13800000071';
    const right = await codeFor(phone);
    const wrong = otherThan(right);
    const answers = await Promise.all(Array.from({ length: 30 }, () => propose(phone, wrong)));
    expect(answers.every((r) => r.status === 400)).toBe(true);
    expect(answers[0].body.error.message).toBe('验证码不正确或已过期，请重新获取。');

    const [v] = await database.db
      .select()
      .from(phoneVerifications)
      .where(eq(phoneVerifications.phoneHash, phoneKey(phone)));
    expect(v.attempts).toBe(5);
    const counted = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'wrong_code'));
    expect(counted.filter((e) => e.resourceId === String(v.id))).toHaveLength(5);

    const late = await propose(phone, right);
    expect(late.status).toBe(400);
    // A new code starts a new count, and the right one is taken.
    const fresh = await codeFor(phone);
    expect((await propose(phone, fresh)).status).toBe(201);
  });

  it('a wrong try leaves nothing of the action behind, and the right code once only', async () => {
    const phone = '13800000072';
    const code = await codeFor(phone);
    expect((await propose(phone, otherThan(code))).status).toBe(400);
    expect((await propose(phone, code)).status).toBe(201);
    expect((await propose(phone, code)).status).toBe(400);
  });
});
