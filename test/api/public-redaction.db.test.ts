// The public redaction gate: every way people write a phone, an ID number, a landline, an e-mail or a flat is
// seeded into every free-text field a resident or staff can write that may be published, then every public
// operation of the OpenAPI document and every Open311 route is called, and none may let one through.
import { desc } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { Reply } from '../http.js';
import { leakedVariants, piiVariants } from '../pii-variants.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

/** Every variant in one text, for fields that hold a paragraph. */
const all = piiVariants.map((v) => v.text).join('；');
/** The variants in runs short enough for a name or a title (≤ 45 characters): record r carries run r. */
const runs: string[] = [];
for (const v of piiVariants) {
  const last = runs.length - 1;
  if (last >= 0 && runs[last].length + v.text.length + 1 <= 45) runs[last] += ` ${v.text}`;
  else runs.push(v.text);
}
const phoneOf = (r: number) => `1350000${String(1000 + r)}`;
const hour = 3_600_000;

const form = (fields: Record<string, string>) => ({
  raw: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('the public redaction gate', () => {
  it('lets no variant of personal data through any public operation or Open311 route', async () => {
    const op = world.tokens.operator;
    const ok = (r: Reply, what: string) => expect(r.status, `${what}: ${r.text}`).toBeLessThan(300);
    const lastCode = async () => {
      const [m] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
      return m.body.match(/(\d{6})/)![1];
    };
    const codeFor = async (phone: string) => {
      ok(await api.call('POST', '/api/v1/public/verification-codes', { body: { phone } }), 'code');
      return lastCode();
    };
    const seen: Record<string, string | number> = {};

    const issued = await api.call('POST', '/api/v1/open311/keys', {
      token: world.tokens.admin,
      body: { name: '随手拍', regionId: world.t1.id },
    });
    ok(issued, 'open311 key');
    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: op,
      body: {
        name: '公开测试',
        aspects: [
          {
            key: 'a',
            name: '履职',
            items: [
              { key: 'duty', name: '履职', kind: 'scale', max: 10 },
              ...runs.map((run, r) => ({ key: `item${r}`, name: `检查项 ${run}`, kind: 'pass_fail' })),
            ],
          },
        ],
      },
    });
    ok(rubric, 'rubric');
    const round = await api.call('POST', '/api/v1/assessments', {
      token: op,
      body: {
        kind: 'review',
        title: `述职 ${runs[0]}`,
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2026-01-01',
        endsOn: '2026-01-02',
      },
    });
    ok(round, 'assessment');
    seen.assessmentId = round.body.id;

    for (const [r, run] of runs.entries()) {
      const phone = phoneOf(r);
      // A resident's demand, answered by the unit.
      const d = await api.call('POST', '/api/v1/public/demands', {
        body: {
          title: `路灯 ${run}`,
          content: all,
          reporterName: run.slice(0, 50),
          reporterPhone: phone,
          regionId: world.c1.id,
          address: `滨河路12号 ${run}`,
        },
      });
      ok(d, 'demand');
      seen.number = d.body.number;
      seen.phone = phone;
      const [staff] = (await api.call('GET', `/api/v1/demands?q=${d.body.number}`, { token: op })).body.items;
      const act = (token: string, verb: string, body: unknown) => api.call('POST', `/api/v1/demands/${staff.id}/${verb}`, { token, body });
      ok(await act(world.tokens.dispatcher, 'dispatch', { unitId: world.deptA.id }), 'dispatch');
      ok(await act(world.tokens.handlerA, 'acknowledge', {}), 'acknowledge');
      ok(await act(world.tokens.handlerA, 'reply', { reply: `已联系（${all}）并修复。` }), 'reply');

      // A reception day with its entry, published.
      const rd = await api.call('POST', '/api/v1/reception-days', {
        token: op,
        body: {
          title: `接待日 ${run}`,
          regionId: world.c1.id,
          hosts: run,
          place: run,
          startsAt: worldStart.toISOString(),
          endsAt: new Date(worldStart.getTime() + hour).toISOString(),
        },
      });
      ok(rd, 'reception day');
      seen.receptionDayId = rd.body.id;
      ok(
        await api.call('POST', `/api/v1/reception-days/${rd.body.id}/entries`, {
          token: op,
          body: {
            content: all,
            reporterName: run.slice(0, 50),
            reporterPhone: phone,
            regionId: world.c1.id,
            idempotencyKey: `gate-entry-${r}`,
          },
        }),
        'reception entry',
      );
      ok(await api.call('POST', `/api/v1/reception-days/${rd.body.id}/publish`, { token: op }), 'publish reception day');

      // A council whose name, meeting and agenda carry the variants; a resolution, an action item, a comment.
      const council = await api.call('POST', '/api/v1/councils', {
        token: op,
        body: {
          regionId: world.c1.id,
          name: `议事会 ${run}`,
          seats: [
            { party: 'party_org', holderName: run.slice(0, 50), position: 'chair', termStart: '2026-01-01', termEnd: '2028-12-31' },
            { party: 'resident_rep', holderName: '代表', termStart: '2026-01-01', termEnd: '2028-12-31' },
          ],
        },
      });
      ok(council, 'council');
      const meeting = await api.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
        token: op,
        body: { title: `会议 ${run}`, place: run, startsAt: worldStart.toISOString() },
      });
      ok(meeting, 'meeting');
      ok(
        await api.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
          token: op,
          body: { title: `下次会议 ${run}`, place: run, startsAt: new Date(worldStart.getTime() + 48 * hour).toISOString() },
        }),
        'next meeting',
      );
      const item = await api.call('POST', `/api/v1/meetings/${meeting.body.id}/agenda-items`, {
        token: op,
        body: { source: 'free', title: `议题 ${run}` },
      });
      ok(item, 'agenda item');
      ok(
        await api.call('PUT', `/api/v1/meetings/${meeting.body.id}/attendance`, {
          token: op,
          body: { presentSeatIds: council.body.seats.map((x: { id: number }) => x.id) },
        }),
        'attendance',
      );
      ok(
        await api.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
          token: op,
          body: { votes: council.body.seats.map((x: { id: number }) => ({ seatId: x.id, choice: 'for' })) },
        }),
        'votes',
      );
      const res = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
        token: op,
        body: { text: `决议：${all}`, actionItems: [{ title: `联系 ${run}`, ownerUnitId: world.deptA.id, dueOn: '2030-01-01' }] },
      });
      ok(res, 'resolution');
      seen.resolutionId = res.body.resolution.id;
      const comment = await api.call('POST', `/api/v1/public/resolutions/${res.body.resolution.id}/comments`, {
        body: { name: run.slice(0, 50), body: all },
      });
      ok(comment, 'comment');
      seen.commentId = comment.body.id;
      seen.commentToken = comment.body.authorToken ?? comment.body.token;

      // A resident's proposal.
      const p = await api.call('POST', '/api/v1/public/proposals', {
        body: { regionId: world.c1.id, title: `提议 ${run}`, body: all, name: run.slice(0, 50), phone, code: await codeFor(phone) },
      });
      ok(p, 'proposal');
      seen.proposalId = p.body.id;

      // A course and its session, a learner enrolled.
      const course = await api.call('POST', '/api/v1/courses', {
        token: op,
        body: {
          title: `夜校 ${run}`,
          organiser: run,
          venue: run,
          regionId: world.district.id,
          audience: 'open',
          capacity: 10,
          description: all,
          sessions: [
            {
              topic: `第一课 ${run}`,
              place: run,
              startsAt: new Date(worldStart.getTime() - hour / 2).toISOString(),
              endsAt: new Date(worldStart.getTime() + hour).toISOString(),
            },
          ],
        },
      });
      ok(course, 'course');
      seen.courseId = course.body.id;
      seen.checkinCode = course.body.sessions[0].checkinCode;
      const enrolled = await api.call('POST', `/api/v1/public/courses/${course.body.id}/enrolments`, {
        body: { name: run.slice(0, 50), phone, code: await codeFor(phone) },
      });
      ok(enrolled, 'enrolment');
      seen.enrolmentToken = enrolled.body.token;

      // An assessment subject whose name and stratum carry the variants.
      ok(
        await api.call('POST', `/api/v1/assessments/${seen.assessmentId}/subjects`, {
          token: op,
          body: { subjects: [{ kind: 'person', ref: `P${r}`, name: `王老师 ${run}`, stratum: `片区 ${run}` }] },
        }),
        'subject',
      );

      // What an integrator posts through Open311.
      const posted = await api.call(
        'POST',
        '/open311/v2/requests.json',
        form({
          api_key: issued.body.apiKey,
          service_code: String(world.lights.id),
          description: all,
          address_string: `滨河路12号 ${run}`,
          first_name: run,
          last_name: '张',
          email: 'zhang.xiuying@example.com',
          phone: '13787654320',
          media_url: 'https://img.example.com/13787654320/46781235.jpg?from=zhang.xiuying@example.com',
        }),
      );
      ok(posted, 'open311 post');
      seen.serviceRequestId = posted.body[0].service_request_id;
      seen.open311Token = posted.body[0].token;
    }

    // The assessment is scored, closed and published.
    const rid = seen.assessmentId;
    ok(
      await api.call('POST', `/api/v1/assessments/${rid}/panel`, {
        token: op,
        body: { members: [{ userId: world.actors.supervisor.userId, role: 'assessor' }] },
      }),
      'panel',
    );
    ok(await api.call('POST', `/api/v1/assessments/${rid}/open`, { token: op }), 'open');
    const subjects = (await api.call('GET', `/api/v1/assessments/${rid}/subjects`, { token: op })).body.items as { id: number }[];
    ok(
      await api.call('POST', `/api/v1/assessments/${rid}/scores`, {
        token: world.tokens.supervisor,
        body: {
          entries: subjects.map((s, i) => ({
            subjectId: s.id,
            items: [
              { itemKey: 'duty', score: i % 10 },
              ...runs.map((_run, r) => ({ itemKey: `item${r}`, passed: r !== i, reason: r === i ? '未达标' : undefined })),
            ],
          })),
        },
      }),
      'scores',
    );
    ok(await api.call('POST', `/api/v1/assessments/${rid}/close`, { token: op }), 'close');
    ok(await api.call('POST', `/api/v1/assessments/${rid}/publish`, { token: op }), 'publish');

    // A moderator takes a passage out of a comment, giving a reason that itself carries the variants.
    ok(
      await api.call('POST', `/api/v1/moderation/notice_comment/${seen.commentId}/redact`, {
        token: op,
        body: { passage: piiVariants[0].text, reason: `含个人信息 ${runs[1]}` },
      }),
      'moderation',
    );

    // Every public operation of the OpenAPI document, each called as the portal or an integrator would.
    const requests: Record<string, () => Promise<Reply>> = {
      'POST /api/v1/auth/login': () =>
        api.call('POST', '/api/v1/auth/login', { body: { username: phoneOf(0), password: all.slice(0, 100) } }),
      'POST /api/v1/auth/logout': () => api.call('POST', '/api/v1/auth/logout'),
      'GET /api/v1/regions': () => api.call('GET', '/api/v1/regions'),
      'GET /api/v1/categories': () => api.call('GET', '/api/v1/categories'),
      'GET /api/v1/calendar/days': () => api.call('GET', '/api/v1/calendar/days?from=2026-11-01&to=2026-11-30'),
      'POST /api/v1/public/demands': async () => {
        const r = await api.call('POST', '/api/v1/public/demands', {
          body: { title: runs[0], content: all, reporterPhone: phoneOf(90), regionId: world.c1.id },
        });
        seen.freshNumber = r.body.number;
        return r;
      },
      'GET /api/v1/public/demands': () => api.call('GET', '/api/v1/public/demands?pageSize=50'),
      'POST /api/v1/public/demands/lookup': () =>
        api.call('POST', '/api/v1/public/demands/lookup', { body: { number: seen.number, phone: seen.phone } }),
      'POST /api/v1/public/demands/feedback': () =>
        api.call('POST', '/api/v1/public/demands/feedback', {
          body: { number: seen.number, phone: seen.phone, satisfaction: 'satisfied', solved: true, comment: all },
        }),
      'POST /api/v1/public/demands/withdraw': () =>
        api.call('POST', '/api/v1/public/demands/withdraw', {
          body: { number: seen.freshNumber, phone: phoneOf(90), reason: all },
        }),
      'POST /api/v1/public/demands/{number}/attachments': () =>
        api.call('POST', `/api/v1/public/demands/${seen.number}/attachments`, { raw: all, headers: { 'content-type': 'text/plain' } }),
      'GET /api/v1/public/reception-days': () => api.call('GET', `/api/v1/public/reception-days?regionId=${world.c1.id}`),
      'GET /api/v1/public/reception-days/{id}/report': () => api.call('GET', `/api/v1/public/reception-days/${seen.receptionDayId}/report`),
      'GET /api/v1/public/notices': () => api.call('GET', `/api/v1/public/notices?regionId=${world.c1.id}`),
      'GET /api/v1/public/meetings': () => api.call('GET', `/api/v1/public/meetings?regionId=${world.c1.id}`),
      'POST /api/v1/public/resolutions/{id}/comments': () =>
        api.call('POST', `/api/v1/public/resolutions/${seen.resolutionId}/comments`, { body: { name: runs[0], body: all } }),
      'POST /api/v1/auth/unlock-code': () => api.call('POST', '/api/v1/auth/unlock-code', { body: { username: all.slice(0, 100) } }),
      'POST /api/v1/auth/unlock': () => api.call('POST', '/api/v1/auth/unlock', { body: { username: all.slice(0, 100), code: '123456' } }),
      'POST /api/v1/public/verification-codes': () =>
        api.call('POST', '/api/v1/public/verification-codes', { body: { phone: phoneOf(91) } }),
      'POST /api/v1/public/proposals': async () =>
        api.call('POST', '/api/v1/public/proposals', {
          body: { regionId: world.c1.id, title: runs[0], body: all, name: runs[0], phone: phoneOf(92), code: await codeFor(phoneOf(92)) },
        }),
      'GET /api/v1/public/proposals': () => api.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`),
      'POST /api/v1/public/proposals/{id}/seconds': async () =>
        api.call('POST', `/api/v1/public/proposals/${seen.proposalId}/seconds`, {
          body: { phone: phoneOf(93), code: await codeFor(phoneOf(93)) },
        }),
      'POST /api/v1/city/work-orders': () => api.call('POST', '/api/v1/city/work-orders', { body: { content: all } }),
      'POST /api/v1/sms/inbound': () => api.call('POST', '/api/v1/sms/inbound', { body: { from: phoneOf(0), text: all } }),
      'POST /api/v1/telephony/calls': () => api.call('POST', '/api/v1/telephony/calls', { body: { from: phoneOf(0) } }),
      'GET /api/v1/telephony/events': () => api.call('GET', '/api/v1/telephony/events'),
      'POST /api/v1/public/moderation/status': () =>
        api.call('POST', '/api/v1/public/moderation/status', {
          body: { kind: 'notice_comment', id: seen.commentId, token: seen.commentToken },
        }),
      'GET /api/v1/public/assessments': () => api.call('GET', '/api/v1/public/assessments'),
      'GET /api/v1/public/assessments/{id}': () => api.call('GET', `/api/v1/public/assessments/${seen.assessmentId}`),
      'GET /api/v1/public/courses': () => api.call('GET', '/api/v1/public/courses'),
      'POST /api/v1/public/courses/{id}/enrolments': async () =>
        api.call('POST', `/api/v1/public/courses/${seen.courseId}/enrolments`, {
          body: { name: runs[0], phone: phoneOf(94), code: await codeFor(phoneOf(94)) },
        }),
      'POST /api/v1/public/enrolments/cancel': async () =>
        api.call('POST', '/api/v1/public/enrolments/cancel', {
          body: { courseId: seen.courseId, phone: phoneOf(94), code: await codeFor(phoneOf(94)) },
        }),
      'GET /api/v1/public/check-ins/{code}': () => api.call('GET', `/api/v1/public/check-ins/${seen.checkinCode}`),
      'POST /api/v1/public/check-ins': () =>
        api.call('POST', '/api/v1/public/check-ins', { body: { code: seen.checkinCode, token: seen.enrolmentToken } }),
      'POST /api/v1/public/session-feedback': () =>
        api.call('POST', '/api/v1/public/session-feedback', {
          body: { code: seen.checkinCode, token: seen.enrolmentToken, rating: 5, comment: all.slice(0, 500) },
        }),
    };
    const doc = (await api.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const publicOps = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, o]) => !o.security?.length)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    // A new public operation must be added here, with a request that exercises it.
    expect(publicOps.filter((k) => !requests[k])).toEqual([]);
    const answers: [string, Reply][] = [];
    for (const key of publicOps) answers.push([key, await requests[key]()]);

    // And every Open311 route, in JSON and in XML.
    const open311 = [
      'discovery',
      'services',
      `services/${world.lights.id}`,
      'requests',
      `requests/${seen.serviceRequestId}`,
      `tokens/${seen.open311Token}`,
    ];
    for (const format of ['json', 'xml']) {
      for (const path of open311)
        answers.push([`GET /open311/v2/${path}.${format}`, await api.call('GET', `/open311/v2/${path}.${format}`)]);
      const post = await api.call(
        'POST',
        `/open311/v2/requests.${format}`,
        form({
          api_key: issued.body.apiKey,
          service_code: String(world.lights.id),
          description: all,
          address_string: runs[0],
          media_url: 'https://img.example.com/13787654320.jpg',
        }),
      );
      answers.push([`POST /open311/v2/requests.${format}`, post]);
    }

    const leaks = answers.flatMap(([key, reply]) => {
      expect(reply.status, `${key}: ${reply.text}`).toBeLessThan(500);
      const found = leakedVariants(reply.text);
      return found.length ? [`${key} → ${found.join(', ')}`] : [];
    });
    expect(leaks).toEqual([]);

    // The surfaces that publish what was seeded did answer with it, masked: the scan read real content.
    const body = (key: string) => answers.find(([k]) => k === key)![1];
    expect(body('GET /api/v1/public/demands').body.items.length).toBeGreaterThanOrEqual(runs.length);
    expect(body('GET /api/v1/public/demands').text).toContain('139****4321');
    expect(body('GET /api/v1/public/notices').text).toContain('议事会');
    expect(body('GET /api/v1/public/meetings').text).toContain('会议');
    expect(body('GET /api/v1/public/assessments/{id}').text).toContain('片区');
    expect(body('GET /api/v1/public/assessments/{id}').text).toContain('检查项');
    expect(body('GET /api/v1/public/courses').text).toContain('夜校');
    expect(body('GET /api/v1/public/proposals').text).toContain('提议');
    expect(body('GET /api/v1/public/check-ins/{code}').status).toBe(200);
    expect(body('POST /api/v1/public/check-ins').status).toBe(200);
    expect(body('POST /api/v1/public/session-feedback').status).toBe(200);
    expect(body('GET /open311/v2/requests.json').body.length).toBeGreaterThanOrEqual(runs.length);
    expect(body('GET /open311/v2/requests.json').text).toContain('img.example.com');
    expect(new XMLParser().parse(body('GET /open311/v2/requests.xml').text).service_requests.request.length).toBeGreaterThanOrEqual(
      runs.length,
    );
  }, 240_000);
});
