// The seed page: a youth night school (青年夜校) at a Party–mass service centre opens its art classroom with 9 courses —
// phone photography and editing, Chinese painting, … — for 85 learners. Replayed through the HTTP API: residents enrol
// on the portal with a phone code (or at the desk), a full class keeps a wait-list that moves up when someone cancels
// (and tells them by SMS), learners check in by the QR at the door, rate the session, and those who came often
// enough get a certificate.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/lib/spreadsheet.js';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpWorld, type TestClock } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let t: TestClock;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2025-04-01T09:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0 });
});
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

const classes = [
  { title: '手机摄影与后期', capacity: 12 },
  { title: '国画入门', capacity: 10 },
  { title: '书法', capacity: 10 },
  { title: '油画棒创作', capacity: 10 },
  { title: '非遗夏布扎染', capacity: 10 },
  { title: '陶艺（安陶）', capacity: 10 },
  { title: '插花与茶艺', capacity: 8 },
  { title: '素描', capacity: 8 },
  { title: '剪纸', capacity: 7 },
];
const evening = (week: number) => ({
  startsAt: new Date(Date.parse('2025-04-08T19:00:00+08:00') + week * 7 * 86_400_000).toISOString(),
  endsAt: new Date(Date.parse('2025-04-08T20:30:00+08:00') + week * 7 * 86_400_000).toISOString(),
});
const phoneOf = (n: number) => `139${String(n).padStart(8, '0')}`;

async function code(phone: string) {
  expect((await api.call('POST', '/api/v1/public/verification-codes', { body: { phone } })).status).toBe(202);
  const [m] = await database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, phone))
    .orderBy(desc(outboxMessages.id))
    .limit(1);
  return m.body.match(/(\d{6})/)![1];
}

describe('青年夜校美育教室 (night school)', () => {
  it('opens 9 courses for 85 learners, keeps a wait-list, checks in by QR and certifies', async () => {
    const op = world.tokens.operator;
    const ids: number[] = [];
    for (const c of classes) {
      const r = await api.call('POST', '/api/v1/courses', {
        token: op,
        body: {
          title: c.title,
          organiser: '团区委 · 党群服务中心',
          venue: '党群服务中心 青年夜校美育教室',
          regionId: world.t1.id,
          track: '青年夜校',
          audience: 'open',
          capacity: c.capacity,
          sessions: [0, 1, 2, 3].map((w) => ({ topic: `${c.title} 第 ${w + 1} 课`, place: '美育教室', ...evening(w) })),
        },
      });
      expect(r.status, r.text).toBe(201);
      ids.push(r.body.id);
    }
    expect(classes.reduce((s, c) => s + c.capacity, 0)).toBe(85);

    // 85 learners: two in three on the portal with a phone code, the rest at the service centre's desk.
    let n = 0;
    // What each learner's phone keeps from enrolling on the portal: the receipt that proves them at the door.
    const receipts = new Map<string, string>();
    for (const [k, c] of classes.entries()) {
      for (let i = 0; i < c.capacity; i++) {
        const phone = phoneOf(++n);
        const body = { name: `学员${n}`, phone, regionId: world.t1.id };
        const r =
          n % 3 === 0
            ? await api.call('POST', `/api/v1/courses/${ids[k]}/enrolments`, { token: op, body })
            : await api.call('POST', `/api/v1/public/courses/${ids[k]}/enrolments`, { body: { ...body, code: await code(phone) } });
        expect([r.status, r.body.state], r.text).toEqual([201, 'enrolled']);
        if (r.body.token) receipts.set(phone, r.body.token);
      }
    }
    const catalogue = (await api.call('GET', '/api/v1/public/courses')).body.items;
    expect(
      catalogue.map((c: { enrolled: number }) => c.enrolled),
      JSON.stringify(catalogue[0]),
    ).toEqual(classes.map((c) => c.capacity));
    expect(catalogue).toHaveLength(9);
    expect(JSON.stringify(catalogue)).not.toMatch(/139\d{8}|学员/);

    // The photography class is full: the next one waits, and hears so by SMS; enrolling twice changes nothing.
    const late = phoneOf(86);
    const waiting = await api.call('POST', `/api/v1/public/courses/${ids[0]}/enrolments`, {
      body: { name: '学员86', phone: late, code: await code(late) },
    });
    expect([waiting.status, waiting.body.state, waiting.body.waitlistPosition]).toEqual([201, 'waitlisted', 1]);
    const again = await api.call('POST', `/api/v1/public/courses/${ids[0]}/enrolments`, {
      body: { name: '学员86', phone: late, code: await code(late) },
    });
    expect([again.status, again.body.id]).toEqual([200, waiting.body.id]);
    receipts.set(late, again.body.token);
    const inLine = (await api.call('GET', `/api/v1/courses/${ids[0]}`, { token: op })).body.enrolments;
    expect(inLine.find((e: { id: number }) => e.id === waiting.body.id)).toMatchObject({ waitlistPosition: 1, actions: ['cancel'] });
    const wrongCode = await api.call('POST', `/api/v1/public/courses/${ids[1]}/enrolments`, {
      body: { name: '某人', phone: phoneOf(99), code: '000000' },
    });
    expect(wrongCode.status).toBe(400);

    // A learner cancels on the portal: the place goes to the wait-list at once, and the promoted learner is told.
    const leaver = phoneOf(1);
    const cancelled = await api.call('POST', '/api/v1/public/enrolments/cancel', {
      body: { courseId: ids[0], phone: leaver, code: await code(leaver) },
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.promoted).toBe(waiting.body.id);
    const [told] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, late))
      .orderBy(desc(outboxMessages.id))
      .limit(1);
    expect(told.body).toContain('由候补转为正式报名');

    // At the door: the first lesson's QR; learners scan it with their phones.
    const course = (await api.call('GET', `/api/v1/courses/${ids[0]}`, { token: op })).body;
    expect(course.enrolments.find((e: { state: string }) => e.state === 'cancelled').phone).toBe('139****0001');
    const learners = course.enrolments.filter((e: { state: string }) => e.state === 'enrolled');
    expect(learners).toHaveLength(12);
    // The roster the teacher prints: the same people, in a workbook, phones masked.
    const roster = await fetch(`${api.base}/api/v1/courses/${ids[0]}/enrolments.xlsx`, { headers: { authorization: `Bearer ${op}` } });
    const sheet = await readTable('xlsx', Buffer.from(await roster.arrayBuffer()).toString('base64'));
    expect(sheet.filter((r) => r.状态 === '已报名')).toHaveLength(12);
    expect(sheet.every((r) => /^\d{3}\*{4}\d{4}$/.test(r.电话))).toBe(true);
    const phones = [...Array.from({ length: 11 }, (_, i) => phoneOf(i + 2)), late];
    // Proof at the door: the receipt kept from enrolling, or (enrolled at the desk) the phone and a code sent to it.
    const proofOf = async (phone: string) => {
      const token = receipts.get(phone);
      return token ? { token } : { phone, smsCode: await code(phone) };
    };
    const checkIn = async (checkinCode: string, phone: string) => {
      const r = await api.call('POST', '/api/v1/public/check-ins', { body: { code: checkinCode, ...(await proofOf(phone)) } });
      if (r.body.token) receipts.set(phone, r.body.token);
      return r;
    };
    const tooEarly = await api.call('POST', '/api/v1/public/check-ins', {
      body: { code: course.sessions[0].checkinCode, token: receipts.get(phones[0]) },
    });
    expect(tooEarly.status).toBe(409);
    for (const [w, s] of course.sessions.entries()) {
      t.setNow(new Date(Date.parse(s.startsAt) - 10 * 60_000));
      expect((await api.call('GET', `/api/v1/public/check-ins/${s.checkinCode}`)).body.course).toBe('手机摄影与后期');
      // Everyone comes to the first three; four skip the last one.
      for (const [i, phone] of phones.entries()) {
        if (w === 3 && i < 4) continue;
        const r = await checkIn(s.checkinCode, phone);
        expect(r.status, r.text).toBe(200);
        expect(r.body.name).toMatch(/^学\*+$/);
      }
      if (w === 0) {
        const twice = await checkIn(s.checkinCode, phones[0]);
        expect(twice.body.already).toBe(true);
        // Knowing a learner's number at the door is not enough, and says nothing about them.
        const bare = await api.call('POST', '/api/v1/public/check-ins', { body: { code: s.checkinCode, phone: phones[1] } });
        expect(bare.status).toBe(400);
        expect(bare.text).not.toContain('学员');
        const stranger = await checkIn(s.checkinCode, phoneOf(90));
        expect([stranger.status, stranger.body.error.code]).toEqual([404, 'training.not_enrolled']);
        // Feedback opens once the lesson has begun.
        expect(
          (
            await api.call('POST', '/api/v1/public/session-feedback', {
              body: { code: s.checkinCode, ...(await proofOf(phones[0])), rating: 5 },
            })
          ).status,
        ).toBe(409);
        t.setNow(new Date(Date.parse(s.endsAt)));
        for (const [i, phone] of phones.slice(0, 5).entries()) {
          expect(
            (
              await api.call('POST', '/api/v1/public/session-feedback', {
                body: { code: s.checkinCode, ...(await proofOf(phone)), rating: 4 + (i % 2), comment: '老师讲得很细' },
              })
            ).status,
          ).toBe(200);
        }
      }
    }
    // During a lesson a learner says the classroom lights are too dim: recorded as a demand on the activity's channel.
    const raised = {
      content: '美育教室灯光太暗，晚上上课看不清',
      reporterName: '学员2',
      reporterPhone: phoneOf(2),
      regionId: world.c1.id,
      idempotencyKey: 'night-school-lights-1',
    };
    const demand = await api.call('POST', `/api/v1/courses/${ids[0]}/demands`, { token: op, body: raised });
    expect(demand.status, demand.text).toBe(201);
    const resent = await api.call('POST', `/api/v1/courses/${ids[0]}/demands`, { token: op, body: raised });
    expect([resent.status, resent.body.id]).toEqual([200, demand.body.id]);
    expect((await api.call('GET', `/api/v1/demands/${demand.body.id}`, { token: op })).body.channel).toBe('activity');
    const report = (await api.call('GET', `/api/v1/courses/${ids[0]}/report`, { token: op })).body;
    expect(report.counts).toEqual({ capacity: 12, enrolled: 12, waitlisted: 0, cancelled: 1, completed: 8 });
    expect(report.sessions.map((s: { present: number }) => s.present)).toEqual([12, 12, 12, 8]);
    expect(report.feedback).toEqual({ responses: 5, meanRating: 4.4 });
    expect(report.demandsRaised).toBe(1);
    // Completion needs 80% of the 4 lessons, which rounds up to all 4: the four who skipped the last do not complete.
    expect(
      report.learners.filter((l: { completed: boolean; attended: number }) => !l.completed).map((l: { attended: number }) => l.attended),
    ).toEqual([3, 3, 3, 3]);
    const certified = await api.call('POST', `/api/v1/courses/${ids[0]}/certificates`, { token: op, body: { prefix: '夜校结业〔2025〕' } });
    expect(certified.body.issued).toBe(8);
    const numbered = (await api.call('GET', `/api/v1/courses/${ids[0]}/report`, { token: op })).body.learners.filter(
      (l: { certificateNo: string | null }) => l.certificateNo,
    );
    expect(numbered.map((l: { certificateNo: string }) => l.certificateNo).sort()[0]).toBe('夜校结业〔2025〕001');
  }, 180_000);
});
