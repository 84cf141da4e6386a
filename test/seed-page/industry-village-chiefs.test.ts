// The seed page: on 27 March the district appoints its first 21 industry village chiefs (产业村长) — experts,
// entrepreneurs and leaders who take on industry planning, project introduction, technical training, market links and
// collective-economy growth in a village — each paired one-to-one with a township or village official (一对一结对帮带).
// Pilot first, then step by step: at least 50% of villages covered by the end of June, 100% by the end of the year;
// the appointment rules set goals, scope, duties and evaluation. Replayed through the HTTP API, with a grid-worker
// programme (网格员 per grid) on the same engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestClock } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import { staffWithToken } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let t: TestClock;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2025-03-20T09:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0 });
});
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

const duties = ['产业规划', '项目引进', '技术培训', '市场对接', '集体经济发展'];

describe('产业村长 (appointments with coverage targets)', () => {
  it('appoints 21 chiefs on 27 March, pairs, logs and evaluates one, and judges the June and December targets', async () => {
    const admin = world.tokens.admin;
    const op = world.tokens.operator; // 区委组织部 / 区农业农村委, organising in the district
    // The district's villages: 6 townships with 7 villages each (丽发镇 already has 河坝村).
    const townships = [world.t2.id];
    for (let i = 1; i <= 5; i++) {
      const r = await api.call('POST', '/api/v1/regions', {
        token: admin,
        body: { parentId: world.district.id, level: 'township', name: `第${i}镇`, code: `T${i}` },
      });
      townships.push(r.body.id);
    }
    const villages: number[] = [world.c3.id];
    for (const [n, tid] of townships.entries()) {
      for (let v = n === 0 ? 1 : 0; v < 7; v++) {
        const r = await api.call('POST', '/api/v1/regions', {
          token: admin,
          body: { parentId: tid, level: 'community', name: `${n}镇${v}号村`, code: `V${n}-${v}` },
        });
        expect(r.status, r.text).toBe(201);
        villages.push(r.body.id);
      }
    }
    expect(villages).toHaveLength(42);

    const programme = await api.call('POST', '/api/v1/appointment-programmes', {
      token: op,
      body: {
        name: '产业村长',
        regionId: world.district.id,
        postKind: 'village',
        rules: '目标：推动乡村产业振兴；范围：全区行政村；职责：产业规划、项目引进、技术培训、市场对接、集体经济发展；考核：年度考评。',
        duties,
        targets: [
          { by: '2025-06-30', share: 0.5 },
          { by: '2025-12-31', share: 1 },
        ],
        termMonths: 36,
      },
    });
    expect(programme.status, programme.text).toBe(201);
    const pid = programme.body.id;
    // Villages only: the urban communities of 桂花坪街道 are not posts.
    expect(programme.body.coverage).toMatchObject({ posts: 42, covered: 0, share: 0 });

    // A township nominates for its own villages only; others are nominated by the district or apply themselves.
    const t2op = await staffWithToken(api, admin, {
      username: 'lifa.op',
      displayName: '丽发镇 组织委员',
      roles: [{ role: 'operator', regionId: world.t2.id }],
    });
    // The programme tells each caller what they may do: the township nominates for its own 7 villages and decides nothing.
    const seen = (await api.call('GET', `/api/v1/appointment-programmes/${pid}`, { token: t2op.token })).body;
    expect([seen.allowedActions, seen.nominatePosts.length]).toEqual([['nominate'], 7]);
    expect(programme.body.allowedActions).toEqual(['nominate', 'appoint']);
    const own = await api.call('POST', `/api/v1/appointment-programmes/${pid}/candidates`, {
      token: t2op.token,
      body: {
        candidates: villages
          .slice(0, 3)
          .map((v, i) => ({ postRegionId: v, name: `镇推荐人选${i + 1}`, background: '农业企业负责人', nominatedBy: 'township' })),
      },
    });
    expect(own.status, own.text).toBe(201);
    const foreign = await api.call('POST', `/api/v1/appointment-programmes/${pid}/candidates`, {
      token: t2op.token,
      body: { candidates: [{ postRegionId: villages[10], name: '越权推荐', background: '—', nominatedBy: 'township' }] },
    });
    expect(foreign.status).toBe(403);
    const notAVillage = await api.call('POST', `/api/v1/appointment-programmes/${pid}/candidates`, {
      token: op,
      body: { candidates: [{ postRegionId: world.c1.id, name: '城市社区', background: '—', nominatedBy: 'self' }] },
    });
    expect(notAVillage.status).toBe(422);
    const rest = await api.call('POST', `/api/v1/appointment-programmes/${pid}/candidates`, {
      token: op,
      body: {
        candidates: villages.slice(3, 23).map((v, i) => ({
          postRegionId: v,
          name: `人选${i + 4}`,
          background: ['农技专家', '企业家', '致富带头人'][i % 3],
          nominatedBy: i % 2 ? 'self' : 'township',
        })),
      },
    });
    const candidates = [...own.body.ids, ...rest.body.ids];
    expect(candidates).toHaveLength(23);

    // Review: two are not approved, each with a reason; 21 pass.
    const noReason = await api.call('POST', `/api/v1/appointees/${candidates[21]}/review`, { token: op, body: { approved: false } });
    expect(noReason.status).toBe(400);
    for (const [i, id] of candidates.entries()) {
      const body = i >= 21 ? { approved: false, note: '产业基础与岗位要求不符' } : { approved: true };
      expect((await api.call('POST', `/api/v1/appointees/${id}/review`, { token: op, body })).status).toBe(200);
    }
    const early = await api.call('POST', `/api/v1/appointment-programmes/${pid}/decisions`, {
      token: op,
      body: { appointeeIds: [candidates[0], candidates[22]], on: '2025-03-27', letterPrefix: '荣产聘〔2025〕' },
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'appointment.invalid_state']);

    // 27 March: the first 21, with numbered letters and three-year terms.
    const decided = await api.call('POST', `/api/v1/appointment-programmes/${pid}/decisions`, {
      token: op,
      body: { appointeeIds: candidates.slice(0, 21), on: '2025-03-27', letterPrefix: '荣产聘〔2025〕' },
    });
    expect(decided.body).toEqual({ appointed: 21, termStart: '2025-03-27', termEnd: '2028-03-26' });
    const chief = (await api.call('GET', `/api/v1/appointees/${candidates[0]}`, { token: op })).body;
    expect([chief.letterNo, chief.state]).toEqual(['荣产聘〔2025〕001', 'appointed']);

    // One-to-one pairing; the supporting official and the township log the work against the duties.
    const support = await staffWithToken(api, admin, { username: 'lifa.vice', displayName: '丽发镇副镇长' });
    const paired = await api.call('POST', `/api/v1/appointees/${candidates[0]}/pairing`, {
      token: t2op.token,
      body: { supportName: '丽发镇副镇长 王某', supportUserId: support.id },
    });
    expect(paired.body.supportName).toBe('丽发镇副镇长 王某');
    const meeting = await api.call('POST', `/api/v1/appointees/${candidates[0]}/work`, {
      token: support.token,
      body: { kind: 'pairing_meeting', happenedOn: '2025-04-03', summary: '结对见面，梳理村产业现状与需求' },
    });
    expect([meeting.status, meeting.body.allowedActions]).toEqual([201, ['log']]);
    const byPost = (await api.call('GET', `/api/v1/appointment-programmes/${pid}/appointees`, { token: t2op.token })).body.items;
    expect(byPost.find((r: { id: number }) => r.id === candidates[0]).allowedActions).toEqual(['pair', 'log']);
    // Another township's appointees are not the township's to read.
    expect(byPost.some((r: { id: number }) => r.id === candidates[10])).toBe(false);
    const project = await api.call('POST', `/api/v1/appointees/${candidates[0]}/work`, {
      token: t2op.token,
      body: {
        kind: 'project',
        happenedOn: '2025-05-12',
        summary: '引进稻渔综合种养项目，签约 120 亩',
        duty: '项目引进',
        evidence: '签约协议扫描件',
      },
    });
    expect(project.body.duties.find((d: { duty: string }) => d.duty === '项目引进').entries).toBe(1);
    const notADuty = await api.call('POST', `/api/v1/appointees/${candidates[0]}/work`, {
      token: t2op.token,
      body: { kind: 'other', happenedOn: '2025-05-13', summary: '—', duty: '招商引资' },
    });
    expect(notADuty.status).toBe(400);
    // Residents' demands in the village during the term are shown beside the chief.
    t.setNow(new Date('2025-05-15T09:00:00+08:00'));
    for (const content of ['村道路灯不亮', '灌溉渠堵塞']) {
      await api.call('POST', '/api/v1/demands', { token: op, body: { content, reporterPhone: '13800000000', regionId: villages[0] } });
    }

    // In May one chief leaves the district: dismissed with the reason; the village is uncovered from the next day.
    t.setNow(new Date('2025-05-20T09:00:00+08:00'));
    const dismissed = await api.call('POST', `/api/v1/appointees/${candidates[20]}/dismissal`, {
      token: op,
      body: { on: '2025-05-20', reason: '本人工作调动，离开本区' },
    });
    expect(dismissed.body.state).toBe('dismissed');

    // 15 July: the June target is judged by the data — 20 of 42 villages on 30 June, one short of half.
    t.setNow(new Date('2025-07-15T09:00:00+08:00'));
    const view = (await api.call('GET', `/api/v1/appointment-programmes/${pid}`, { token: op })).body;
    expect(view.targetStatus).toEqual([
      { by: '2025-06-30', share: 0.5, needed: 21, covered: 20, actual: 0.476, state: 'missed', remaining: 1 },
      { by: '2025-12-31', share: 1, needed: 42, covered: 20, actual: 0.476, state: 'behind', remaining: 22 },
    ]);
    expect(view.coverage.uncovered).toHaveLength(22);
    expect(view.coverage.uncovered.map((v: { regionId: number }) => v.regionId)).toContain(villages[20]);
    expect(view.monthly.find((m: { month: string }) => m.month === '2025-03').covered).toBe(21);
    expect(view.monthly.find((m: { month: string }) => m.month === '2025-06').covered).toBe(20);
    expect(view.monthly.at(-1).month).toBe('2025-12');
    expect(view.coverage.byTownship.reduce((s: number, r: { posts: number }) => s + r.posts, 0)).toBe(42);

    // The annual evaluation of the paired chief runs on the assessments engine; the result stays with the term.
    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: op,
      body: {
        name: '产业村长年度考评',
        aspects: [{ key: 'duty', name: '履职', items: duties.map((d, i) => ({ key: `d${i}`, name: d, kind: 'scale', max: 20 })) }],
      },
    });
    const round = await api.call('POST', '/api/v1/assessments', {
      token: op,
      body: {
        kind: 'review',
        title: '2025 年产业村长年度考评',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2025-12-01',
        endsOn: '2025-12-20',
        period: '2025',
      },
    });
    await api.call('POST', `/api/v1/assessments/${round.body.id}/subjects`, {
      token: op,
      body: { subjects: [{ kind: 'person', ref: `appointee:${candidates[0]}`, name: chief.name }] },
    });
    await api.call('POST', `/api/v1/assessments/${round.body.id}/panel`, {
      token: op,
      body: { members: [{ userId: world.actors.supervisor.userId, role: 'assessor' }] },
    });
    await api.call('POST', `/api/v1/assessments/${round.body.id}/open`, { token: op });
    const subject = (await api.call('GET', `/api/v1/assessments/${round.body.id}/subjects`, { token: op })).body.items[0];
    await api.call('POST', `/api/v1/assessments/${round.body.id}/scores`, {
      token: world.tokens.supervisor,
      body: { entries: [{ subjectId: subject.id, items: duties.map((_, i) => ({ itemKey: `d${i}`, score: 18 })) }] },
    });
    await api.call('POST', `/api/v1/assessments/${round.body.id}/close`, { token: op });
    const evaluated = (await api.call('GET', `/api/v1/appointees/${candidates[0]}`, { token: op })).body;
    expect(evaluated.evaluations).toEqual([
      { assessmentId: round.body.id, title: '2025 年产业村长年度考评', period: '2025', final: 90, maxTotal: 100, rank: 1, of: 1 },
    ]);
    expect(evaluated.demands).toEqual({ raised: 2, closed: 0, open: 2 });
    expect(evaluated.logs.map((l: { kind: string }) => l.kind)).toEqual(['project', 'pairing_meeting']);
    // The supporting official sees their appointee, but not the programme's other appointees' decisions.
    expect((await api.call('GET', `/api/v1/appointees/${candidates[0]}`, { token: support.token })).status).toBe(200);
    expect(
      (
        await api.call('POST', `/api/v1/appointees/${candidates[0]}/dismissal`, {
          token: support.token,
          body: { on: '2025-08-01', reason: '—' },
        })
      ).status,
    ).toBe(403);

    // Grid workers per grid, on the same engine: 3 grids in 丽发新城社区, 2 covered.
    const grids = [];
    for (let g = 1; g <= 3; g++) {
      grids.push(
        (
          await api.call('POST', '/api/v1/regions', {
            token: admin,
            body: { parentId: world.c1.id, level: 'grid', name: `第${g}网格`, code: `G${g}` },
          })
        ).body.id,
      );
    }
    const gridProgramme = await api.call('POST', '/api/v1/appointment-programmes', {
      token: op,
      body: {
        name: '专职网格员',
        regionId: world.t1.id,
        postKind: 'grid',
        rules: '每个网格配备一名专职网格员。',
        duties: ['信息采集', '矛盾调解', '诉求代办'],
        targets: [{ by: '2025-12-31', share: 1 }],
        termMonths: 12,
      },
    });
    const gid = gridProgramme.body.id;
    const gridCandidates = await api.call('POST', `/api/v1/appointment-programmes/${gid}/candidates`, {
      token: op,
      body: {
        candidates: grids
          .slice(0, 2)
          .map((g, i) => ({ postRegionId: g, name: `网格员${i + 1}`, background: '社区工作者', nominatedBy: 'township' })),
      },
    });
    for (const cid of gridCandidates.body.ids)
      await api.call('POST', `/api/v1/appointees/${cid}/review`, { token: op, body: { approved: true } });
    await api.call('POST', `/api/v1/appointment-programmes/${gid}/decisions`, {
      token: op,
      body: { appointeeIds: gridCandidates.body.ids, on: '2025-07-01', letterPrefix: '网格〔2025〕' },
    });
    const gridView = (await api.call('GET', `/api/v1/appointment-programmes/${gid}`, { token: op })).body;
    expect(gridView.coverage).toMatchObject({ posts: 3, covered: 2, share: 0.667 });
    expect(gridView.coverage.uncovered.map((p: { name: string }) => p.name)).toEqual(['第3网格']);
  }, 120_000);
});
