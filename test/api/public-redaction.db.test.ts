import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

// Personal data a careless resident or clerk types into free text.
const mobile = '13912345678';
const landline = '023-87654321';
const idNumber = '500101199001011234';
const card = '6222021234567890123';
const leak = `手机${mobile}，座机${landline}，身份证${idNumber}，卡号${card}`;
const secrets = [mobile, '87654321', idNumber, card, '李秀英'];

const seat = (party: string, holderName: string, position?: string) => ({
  party,
  holderName,
  position,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
});

describe('nothing personal leaves through a public endpoint', () => {
  it('masks phone, landline, ID and card numbers and the reporter’s name in every public GET', async () => {
    const s: Record<string, string | number> = { regionId: world.c1.id };
    // A demand carrying the numbers in title, content and the unit's reply.
    const d = await api.call('POST', '/api/v1/public/demands', {
      body: {
        title: `路灯坏了 ${leak}`,
        content: `李秀英反映：${leak}`,
        reporterName: '李秀英',
        reporterPhone: mobile,
        regionId: world.c1.id,
      },
    });
    s.number = d.body.number;
    const [id] = (await api.call('GET', `/api/v1/demands?regionId=${world.c1.id}`, { token: world.tokens.operator })).body.items.map(
      (x: { id: number }) => x.id,
    );
    await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await api.call('POST', `/api/v1/demands/${id}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    const replied = await api.call('POST', `/api/v1/demands/${id}/reply`, {
      token: world.tokens.handlerA,
      body: { reply: `已联系李秀英（${leak}）并修复。` },
    });
    expect(replied.status).toBe(200);

    // A reception day whose session fields and entry carry them too, then published.
    const rd = await api.call('POST', '/api/v1/reception-days', {
      token: world.tokens.operator,
      body: {
        title: `接待日 ${mobile}`,
        regionId: world.c1.id,
        hosts: `书记 ${mobile}`,
        place: `服务中心 ${landline}`,
        startsAt: worldStart.toISOString(),
        endsAt: new Date(worldStart.getTime() + 3_600_000).toISOString(),
      },
    });
    s.receptionDayId = rd.body.id;
    await api.call('POST', `/api/v1/reception-days/${rd.body.id}/entries`, {
      token: world.tokens.operator,
      body: {
        content: `李秀英说：${leak}`,
        reporterName: '李秀英',
        reporterPhone: mobile,
        regionId: world.c1.id,
        idempotencyKey: 'redaction-entry-1',
      },
    });
    await api.call('POST', `/api/v1/reception-days/${rd.body.id}/publish`, { token: world.tokens.operator });

    // A council resolution, an action item and a resident's comment.
    const council = await api.call('POST', '/api/v1/councils', {
      token: world.tokens.operator,
      body: { regionId: world.c1.id, name: '议事会', seats: [seat('party_org', '书记', 'chair'), seat('resident_rep', '代表')] },
    });
    const meeting = await api.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
      token: world.tokens.operator,
      body: { title: '会', place: '室', startsAt: worldStart.toISOString() },
    });
    const item = await api.call('POST', `/api/v1/meetings/${meeting.body.id}/agenda-items`, {
      token: world.tokens.operator,
      body: { source: 'free', title: '议题' },
    });
    await api.call('PUT', `/api/v1/meetings/${meeting.body.id}/attendance`, {
      token: world.tokens.operator,
      body: { presentSeatIds: council.body.seats.map((x: { id: number }) => x.id) },
    });
    await api.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
      token: world.tokens.operator,
      body: { votes: council.body.seats.map((x: { id: number }) => ({ seatId: x.id, choice: 'for' })) },
    });
    const res = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
      token: world.tokens.operator,
      body: {
        text: `决议：${leak}`,
        actionItems: [{ title: `联系 ${mobile} 或物业 ${landline}`, ownerUnitId: world.deptA.id, dueOn: '2030-01-01' }],
      },
    });
    s.resolutionId = res.body.resolution.id;
    expect(
      (
        await api.call('POST', `/api/v1/public/resolutions/${res.body.resolution.id}/comments`, {
          body: { name: `住户 ${mobile}`, body: leak },
        })
      ).status,
    ).toBe(201);

    // A proposal with the numbers and the proposer's full name.
    await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: mobile } });
    const [m] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
    const p = await api.call('POST', '/api/v1/public/proposals', {
      body: {
        regionId: world.c1.id,
        title: `提议 ${mobile}`,
        body: `李秀英提议：${leak}`,
        name: '李秀英',
        phone: mobile,
        code: m.body.match(/(\d{6})/)![1],
      },
    });
    expect(p.status).toBe(201);

    // A published assessment whose title and subject carry the numbers.
    const op = world.tokens.operator;
    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: op,
      body: { name: '公开测试', aspects: [{ key: 'a', name: '履职', items: [{ key: 'duty', name: '履职', kind: 'scale', max: 10 }] }] },
    });
    const round = await api.call('POST', '/api/v1/assessments', {
      token: op,
      body: {
        kind: 'review',
        title: `述职 ${leak}`,
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2026-01-01',
        endsOn: '2026-01-02',
      },
    });
    const rid = round.body.id;
    await api.call('POST', `/api/v1/assessments/${rid}/subjects`, {
      token: op,
      body: { subjects: [{ kind: 'person', ref: 'P1', name: `王老师 ${mobile} ${idNumber}` }] },
    });
    await api.call('POST', `/api/v1/assessments/${rid}/panel`, {
      token: op,
      body: { members: [{ userId: world.actors.supervisor.userId, role: 'assessor' }] },
    });
    await api.call('POST', `/api/v1/assessments/${rid}/open`, { token: op });
    const subject = (await api.call('GET', `/api/v1/assessments/${rid}/subjects`, { token: op })).body.items[0];
    await api.call('POST', `/api/v1/assessments/${rid}/scores`, {
      token: world.tokens.supervisor,
      body: { entries: [{ subjectId: subject.id, items: [{ itemKey: 'duty', score: 9 }] }] },
    });
    await api.call('POST', `/api/v1/assessments/${rid}/close`, { token: op });
    expect((await api.call('POST', `/api/v1/assessments/${rid}/publish`, { token: op })).status).toBe(200);
    s.assessmentId = rid;

    // A course whose title and description carry the numbers, with a session whose check-in page is public.
    const course = await api.call('POST', '/api/v1/courses', {
      token: op,
      body: {
        title: `夜校 ${mobile}`,
        organiser: '党群服务中心',
        venue: '美育教室',
        regionId: world.district.id,
        audience: 'open',
        capacity: 10,
        description: leak,
        sessions: [{ topic: '第一课', place: '教室', startsAt: '2030-01-01T11:00:00Z', endsAt: '2030-01-01T12:00:00Z' }],
      },
    });
    expect(course.status, course.text).toBe(201);
    s.code = course.body.sessions[0].checkinCode;
    await api.call('POST', `/api/v1/courses/${course.body.id}/enrolments`, { token: op, body: { name: '李秀英', phone: mobile } });

    // Every public GET of the OpenAPI document, its parameters filled from what was just made.
    const doc = (await api.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const publicGets = Object.entries(doc.paths).filter(([path, ops]) => path.startsWith('/api/v1/public/') && ops.get);
    expect(publicGets.length).toBeGreaterThanOrEqual(5);
    const values: Record<string, string | number> = { ...s, id: s.receptionDayId };
    for (const [path, ops] of publicGets) {
      const ids = path.startsWith('/api/v1/public/assessments/') ? { ...values, id: s.assessmentId } : values;
      const url = path.replace(/\{(\w+)\}/g, (_m, k) => String(ids[k] ?? ''));
      const query = (ops.get.parameters ?? [])
        .filter((q) => q.in === 'query' && values[q.name] !== undefined)
        .map((q) => `${q.name}=${values[q.name]}`);
      const reply = await api.call('GET', `${url}${query.length ? `?${query.join('&')}` : ''}`);
      expect(reply.status, `${path}: ${reply.text}`).toBe(200);
      for (const secret of secrets) expect(reply.text.includes(secret), `${path} leaks ${secret}`).toBe(false);
    }
    // And the lookup by the resident's own number and phone is theirs to see in full.
    const own = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: s.number, phone: mobile } });
    expect(own.status).toBe(200);
  });
});
