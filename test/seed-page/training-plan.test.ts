// The seed page: the socialist institute's annual training plan, reviewed by its advisory committee — 4 common classes
// (activists, information and publicity, non-public economy, chairs' lectures) plus each party's own classes; the
// agriculture commission's refresher course for the agricultural technicians of all 21 townships' industry centres, with
// field visits to three other districts; and a legal lecture for 30 members of the women entrepreneurs' chamber.
// Replayed through the HTTP API: the plan is returned, amended and approved; the refresher course gives every township
// its seats and flags the townships that stayed away; the lecture fills its 30 seats and checks in by QR.
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  ({ database, world, t } = await setUpWorld(new Date('2025-02-10T09:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0 });
});
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

const day = (d: string, from: string, to: string) => ({ startsAt: `${d}T${from}:00+08:00`, endsAt: `${d}T${to}:00+08:00` });

describe('年度培训计划与专题培训 (training plan)', () => {
  it('approves the institute’s plan, trains all 21 townships’ technicians and holds the chamber’s legal lecture', async () => {
    const op = world.tokens.operator;
    const committee = world.tokens.supervisor; // the advisory committee reviews in the district
    const plan = await api.call('POST', '/api/v1/training-plans', {
      token: op,
      body: { title: '区社会主义学院 2025 年度培训计划', year: 2025, organiser: '区社会主义学院', regionId: world.district.id },
    });
    expect(plan.status, plan.text).toBe(201);
    const pid = plan.body.id;
    const klass = (title: string, track: string) => ({
      planId: pid,
      title,
      organiser: '区社会主义学院',
      venue: '区社会主义学院',
      regionId: world.district.id,
      track,
      audience: 'open',
      capacity: 60,
      sessions: [{ topic: title, place: '学院报告厅', ...day('2025-05-20', '09:00', '17:00') }],
    });
    for (const title of ['党外积极分子培训班', '信息宣传工作培训班', '非公有制经济人士培训班', '主委讲堂']) {
      expect((await api.call('POST', '/api/v1/courses', { token: op, body: klass(title, '共同班次') })).status).toBe(201);
    }
    expect((await api.call('POST', '/api/v1/courses', { token: op, body: klass('民革党员培训班', '党派班次') })).status).toBe(201);

    // The committee returns the draft (a reason is required), the institute adds the other parties' classes, then it passes.
    expect((await api.call('POST', `/api/v1/training-plans/${pid}/review`, { token: committee, body: { approved: false } })).status).toBe(
      400,
    );
    const returned = await api.call('POST', `/api/v1/training-plans/${pid}/review`, {
      token: committee,
      body: { approved: false, note: '请补充各党派自身班次' },
    });
    expect(returned.body.state).toBe('returned');
    expect(returned.body.actions).toEqual(['review', 'add_course']);
    for (const title of ['民盟盟员培训班', '九三学社社员培训班']) {
      expect((await api.call('POST', '/api/v1/courses', { token: op, body: klass(title, '党派班次') })).status).toBe(201);
    }
    const approved = await api.call('POST', `/api/v1/training-plans/${pid}/review`, {
      token: committee,
      body: { approved: true, note: '同意' },
    });
    expect(approved.body.state).toBe('approved');
    expect(approved.body.actions).toEqual([]);
    const plans = await api.call('GET', '/api/v1/training-plans', { token: committee });
    expect(plans.body.items.find((p: { id: number }) => p.id === pid)).toMatchObject({ state: 'approved', courses: 7, actions: [] });
    const outside = await api.call('GET', '/api/v1/training-plans', { token: world.tokens.handlerA });
    expect(outside.body.items).toEqual([]);
    expect(approved.body.courses.filter((c: { track: string }) => c.track === '共同班次')).toHaveLength(4);
    expect(approved.body.courses.filter((c: { track: string }) => c.track === '党派班次')).toHaveLength(3);
    const afterApproval = await api.call('POST', '/api/v1/courses', { token: op, body: klass('计划外班次', '共同班次') });
    expect([afterApproval.status, afterApproval.body.error.code]).toEqual([409, 'training.invalid_state']);

    // 21 townships: the test district's two, and nineteen more.
    const townships = [world.t1.id, world.t2.id];
    for (let i = 3; i <= 21; i++) {
      townships.push(
        (
          await api.call('POST', '/api/v1/regions', {
            token: world.tokens.admin,
            body: { parentId: world.district.id, level: 'township', name: `第${i}镇街`, code: `TS${i}` },
          })
        ).body.id,
      );
    }
    expect(townships).toHaveLength(21);

    // The agriculture commission's refresher course: two seats per township's industry centre; three field visits.
    const refresher = await api.call('POST', '/api/v1/courses', {
      token: op,
      body: {
        title: '基层农技人员知识更新培训',
        organiser: '区农业农村委',
        venue: '区农业技术推广中心',
        regionId: world.district.id,
        track: '农技',
        audience: 'invited',
        capacity: 42,
        sessions: [
          { topic: '稻渔综合种养新技术', place: '区农技中心', kind: 'lecture', ...day('2025-06-09', '09:00', '17:00') },
          { topic: '数字农业与病虫害绿色防控', place: '区农技中心', kind: 'lecture', ...day('2025-06-10', '09:00', '17:00') },
          { topic: '现场观摩：永川区', place: '永川区', kind: 'field_visit', ...day('2025-06-11', '08:00', '18:00') },
          { topic: '现场观摩：大足区', place: '大足区', kind: 'field_visit', ...day('2025-06-12', '08:00', '18:00') },
          { topic: '现场观摩：铜梁区', place: '铜梁区', kind: 'field_visit', ...day('2025-06-13', '08:00', '18:00') },
        ],
        quotas: townships.map((regionId) => ({ regionId, seats: 2 })),
      },
    });
    expect(refresher.status, refresher.text).toBe(201);
    const rid = refresher.body.id;
    expect(refresher.body.quotas).toHaveLength(21);
    const noPortal = await api.call('POST', `/api/v1/public/courses/${rid}/enrolments`, {
      body: { name: '某人', phone: '13900000000', code: '123456' },
    });
    expect(noPortal.status).toBe(400);
    const enrolmentIds: { id: number; township: number }[] = [];
    for (const [n, regionId] of townships.entries()) {
      for (let k = 0; k < 2; k++) {
        const r = await api.call('POST', `/api/v1/courses/${rid}/enrolments`, {
          token: op,
          body: {
            name: `农技员${n + 1}-${k + 1}`,
            phone: `137${String(n * 10 + k).padStart(8, '0')}`,
            regionId,
            affiliation: '镇街产业发展中心',
          },
        });
        expect([r.status, r.body.state]).toEqual([201, 'enrolled']);
        enrolmentIds.push({ id: r.body.id, township: regionId });
      }
    }
    // A third technician from one township waits for a seat; an outsider's region has none.
    const third = await api.call('POST', `/api/v1/courses/${rid}/enrolments`, {
      token: op,
      body: { name: '农技员1-3', phone: '13799999999', regionId: townships[0] },
    });
    expect(third.body).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 });
    const outsider = await api.call('POST', `/api/v1/courses/${rid}/enrolments`, {
      token: op,
      body: { name: '区外人员', phone: '13799999998', regionId: world.c1.id },
    });
    expect([outsider.status, outsider.body.error.message]).toEqual([400, expect.stringContaining('没有名额')]);

    // Attendance by roll call: two townships never come; everyone else attends every day.
    const absent = new Set([townships[7], townships[15]]);
    const present = enrolmentIds.filter((e) => !absent.has(e.township)).map((e) => e.id);
    for (const s of refresher.body.sessions) {
      expect(
        (await api.call('POST', `/api/v1/course-sessions/${s.id}/attendance`, { token: op, body: { enrolmentIds: present } })).body
          .recorded,
      ).toBe(38);
    }
    const report = (await api.call('GET', `/api/v1/courses/${rid}/report`, { token: op })).body;
    expect(report.townships).toHaveLength(21);
    expect(report.absentTownships).toEqual(['第8镇街', '第16镇街']);
    expect(report.sessions.map((s: { kind: string; present: number }) => [s.kind, s.present])).toEqual([
      ['lecture', 38],
      ['lecture', 38],
      ['field_visit', 38],
      ['field_visit', 38],
      ['field_visit', 38],
    ]);
    expect(report.counts).toMatchObject({ capacity: 42, enrolled: 42, waitlisted: 1, completed: 38 });

    // The legal lecture for the women entrepreneurs' chamber: its 30 members, listed by the organiser, check in by QR.
    const lecture = await api.call('POST', '/api/v1/courses', {
      token: op,
      body: {
        title: '女企业家法律知识讲座',
        organiser: '区司法局 · 区工商联',
        venue: '区工商联会议室',
        regionId: world.district.id,
        track: '普法',
        audience: 'open',
        capacity: 30,
        sessions: [{ topic: '企业合规经营与劳动用工风险防范', place: '区工商联会议室', ...day('2025-03-08', '14:30', '17:00') }],
      },
    });
    const lid = lecture.body.id;
    for (let m = 1; m <= 30; m++) {
      const r = await api.call('POST', `/api/v1/courses/${lid}/enrolments`, {
        token: op,
        body: { name: `会员${m}`, phone: `136${String(m).padStart(8, '0')}`, affiliation: '区女企业家商会' },
      });
      expect(r.body.state).toBe('enrolled');
    }
    expect(
      (await api.call('POST', `/api/v1/courses/${lid}/enrolments`, { token: op, body: { name: '会员31', phone: '13600000031' } })).body
        .state,
    ).toBe('waitlisted');
    t.setNow(new Date('2025-03-08T14:20:00+08:00'));
    const code = lecture.body.sessions[0].checkinCode;
    // Enrolled at the desk, each member proves the phone at the door with a code sent to it.
    for (let m = 1; m <= 30; m++) {
      const phone = `136${String(m).padStart(8, '0')}`;
      expect((await api.call('POST', '/api/v1/public/verification-codes', { body: { phone } })).status).toBe(202);
      const [sms] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
      const smsCode = sms.body.match(/(\d{6})/)![1];
      expect((await api.call('POST', '/api/v1/public/check-ins', { body: { code, phone, smsCode } })).status).toBe(200);
    }
    const lectureReport = (await api.call('GET', `/api/v1/courses/${lid}/report`, { token: op })).body;
    expect(lectureReport.sessions[0].present).toBe(30);
    expect(lectureReport.counts).toMatchObject({ enrolled: 30, waitlisted: 1, completed: 30 });
    expect(new Set(lectureReport.learners.map((l: { affiliation: string }) => l.affiliation))).toEqual(new Set(['区女企业家商会']));
  }, 180_000);
});
