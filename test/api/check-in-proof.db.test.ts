// Check-in and feedback at the door need proof that the learner is there: the receipt token their phone kept from
// enrolling, or their phone and a code sent to it. Someone who knows the session code and a learner's number can
// neither check them in, nor rate as them, nor learn their name.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { attendance, sessionFeedback } from '../../src/modules/trainings/tables.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const learner = '13911112222';
const deskLearner = '13911113333';
const stranger = '13911114444';

async function codeFor(phone: string) {
  expect((await api.call('POST', '/api/v1/public/verification-codes', { body: { phone } })).status).toBe(202);
  const [m] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
  expect(m.recipient).toBe(phone);
  return m.body.match(/(\d{6})/)![1];
}

const course = (title: string) =>
  api.call('POST', '/api/v1/courses', {
    token: world.tokens.operator,
    body: {
      title,
      organiser: '党群服务中心',
      venue: '美育教室',
      regionId: world.district.id,
      audience: 'open',
      capacity: 10,
      sessions: [
        {
          topic: '第一课',
          place: '教室',
          startsAt: new Date(worldStart.getTime() - 10 * 60_000).toISOString(),
          endsAt: new Date(worldStart.getTime() + 3_600_000).toISOString(),
        },
      ],
    },
  });

describe('proof at the door', () => {
  it('checks in and rates only with the enrolment receipt or a code sent to the enrolled phone, and never names anyone before', async () => {
    const night = await course('手机摄影');
    const other = await course('书法');
    const code = night.body.sessions[0].checkinCode as string;
    const sessionId = night.body.sessions[0].id as number;
    const enrolled = await api.call('POST', `/api/v1/public/courses/${night.body.id}/enrolments`, {
      body: { name: '李秀英', phone: learner, code: await codeFor(learner) },
    });
    expect(enrolled.status, enrolled.text).toBe(201);
    expect(enrolled.body.token).toMatch(/^[\w-]{20,}$/);
    const elsewhere = await api.call('POST', `/api/v1/public/courses/${other.body.id}/enrolments`, {
      body: { name: '李秀英', phone: learner, code: await codeFor(learner) },
    });
    await api.call('POST', `/api/v1/courses/${night.body.id}/enrolments`, {
      token: world.tokens.operator,
      body: { name: '王建国', phone: deskLearner },
    });
    const session = await api.call('GET', `/api/v1/public/check-ins/${code}`);
    expect(session.body).toMatchObject({ courseId: night.body.id, course: '手机摄影' });

    // Someone at the door who knows the number: refused, and told nothing about the learner.
    const byNumber = await api.call('POST', '/api/v1/public/check-ins', { body: { code, phone: learner } });
    expect([byNumber.status, byNumber.body.error.code]).toEqual([400, 'request.invalid']);
    expect(byNumber.body.error.message).toContain('验证码');
    const rateByNumber = await api.call('POST', '/api/v1/public/session-feedback', { body: { code, phone: learner, rating: 1 } });
    expect(rateByNumber.status).toBe(400);
    // A guessed token, another course's receipt, a code sent to the stranger's own phone: no better.
    for (const proof of [
      { token: 'x'.repeat(24) },
      { token: elsewhere.body.token },
      { phone: learner, smsCode: await codeFor(stranger) },
      { phone: stranger, smsCode: await codeFor(stranger) },
    ]) {
      const r = await api.call('POST', '/api/v1/public/check-ins', { body: { code, ...proof } });
      expect(r.status, r.text).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.text).not.toContain('秀英');
    }
    const noOne = await database.db.select().from(attendance).where(eq(attendance.sessionId, sessionId));
    expect(noOne).toEqual([]);
    expect(await database.db.select().from(sessionFeedback).where(eq(sessionFeedback.sessionId, sessionId))).toEqual([]);

    // The learner's own phone, with the receipt from enrolling: checked in, the name masked.
    const own = await api.call('POST', '/api/v1/public/check-ins', { body: { code, token: enrolled.body.token } });
    expect(own.status, own.text).toBe(200);
    expect(own.body).toMatchObject({ sessionId, name: '李**', already: false });
    expect(
      (await api.call('POST', '/api/v1/public/session-feedback', { body: { code, token: enrolled.body.token, rating: 5 } })).status,
    ).toBe(200);

    // Enrolled at the desk, no receipt: a code to the enrolled phone proves it, and leaves a receipt for the rating.
    const desk = await api.call('POST', '/api/v1/public/check-ins', {
      body: { code, phone: deskLearner, smsCode: await codeFor(deskLearner) },
    });
    expect(desk.status, desk.text).toBe(200);
    expect(desk.body).toMatchObject({ name: '王**', already: false, token: expect.any(String) });
    const rated = await api.call('POST', '/api/v1/public/session-feedback', { body: { code, token: desk.body.token, rating: 4 } });
    expect(rated.status, rated.text).toBe(200);

    const present = await database.db.select().from(attendance).where(eq(attendance.sessionId, sessionId));
    expect(present).toHaveLength(2);
    const ratings = await database.db
      .select({ rating: sessionFeedback.rating })
      .from(sessionFeedback)
      .where(and(eq(sessionFeedback.sessionId, sessionId)))
      .orderBy(sessionFeedback.rating);
    expect(ratings.map((r) => r.rating)).toEqual([4, 5]);
  });
});
