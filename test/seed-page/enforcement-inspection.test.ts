// The seed page: the district people's congress inspects how the Trade Union Law and Chongqing's trade-union
// regulation (工会"一法一条例") are applied — self-inspection everywhere combined with key inspection of selected
// townships, system unions, institutions and enterprises, over 4 aspects (organisational leadership, organisation
// building, lawful performance of duties, coordination of all parties), collecting findings and suggestions for
// improving the laws. Replayed through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { staffWithToken, unitViaApi } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld(new Date('2025-04-15T01:00:00Z'))));
afterAll(() => tearDownApiWorld({ database, api }));

const aspects = [
  { key: 'leadership', name: '工会组织领导' },
  { key: 'building', name: '工会组织建设' },
  { key: 'duties', name: '工会依法履职' },
  { key: 'coordination', name: '各方协同' },
];
const inspected = [
  { name: '桂花坪街道总工会', stratum: '镇街' },
  { name: '丽发镇总工会', stratum: '镇街' },
  { name: '区教育工会', stratum: '系统工会' },
  { name: '区卫生健康系统工会', stratum: '系统工会' },
  { name: '区财政局工会', stratum: '机关事业单位' },
  { name: '区人民医院工会', stratum: '机关事业单位' },
  { name: '重庆某陶瓷有限公司工会', stratum: '企业' },
  { name: '重庆某食品有限公司工会', stratum: '企业' },
];

describe('工会"一法一条例"执法检查 (law-enforcement inspection)', () => {
  it('collects every unit’s self-inspection, scores the key inspections over 4 aspects, and gathers findings and suggestions', async () => {
    const congress = world.tokens.operator; // 区人大常委会 organises the inspection in the district
    const admin = world.tokens.admin;
    const units: { unitId: number; token: string; name: string; stratum: string }[] = [];
    for (const [i, u] of inspected.entries()) {
      const unitId = await unitViaApi(api, admin, u.name, i >= 6 ? 'enterprise' : 'other');
      const staff = await staffWithToken(api, admin, {
        username: `union${i}`,
        displayName: `${u.name} 主席`,
        roles: [{ role: 'handler', unitId }],
      });
      units.push({ unitId, token: staff.token, ...u });
    }
    const group = [];
    for (let j = 0; j < 3; j++)
      group.push(await staffWithToken(api, admin, { username: `deputy${j}`, displayName: `执法检查组成员 ${j + 1}` }));

    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: congress,
      body: {
        name: '工会“一法一条例”执法检查',
        aspects: aspects.map((a) => ({
          key: a.key,
          name: a.name,
          items: [{ key: `${a.key}_done`, name: `${a.name}落实情况`, kind: 'scale', max: 10 }],
        })),
      },
    });
    expect(rubric.status, rubric.text).toBe(201);
    expect(rubric.body.aspects).toHaveLength(4);
    const round = await api.call('POST', '/api/v1/assessments', {
      token: congress,
      body: {
        kind: 'inspection',
        title: '工会“一法一条例”执法检查',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2025-04-15',
        endsOn: '2025-09-30',
        period: '2025',
      },
    });
    const id = round.body.id;
    const added = await api.call('POST', `/api/v1/assessments/${id}/subjects`, {
      token: congress,
      body: { subjects: units.map((u, i) => ({ kind: 'unit', ref: `U${i + 1}`, name: u.name, stratum: u.stratum, unitId: u.unitId })) },
    });
    expect(added.body.counts).toEqual({ unit: 8 });
    await api.call('POST', `/api/v1/assessments/${id}/panel`, {
      token: congress,
      body: { members: group.map((g) => ({ userId: g.id, role: 'assessor' })) },
    });
    const subjects = (await api.call('GET', `/api/v1/assessments/${id}/subjects`, { token: congress })).body.items as {
      id: number;
      unitId: number;
      stratum: string;
    }[];

    // 上下联动: every unit inspects itself and reports, with its figures; a unit cannot report for another.
    for (const u of units) {
      const mine = (await api.call('GET', `/api/v1/assessments/${id}/subjects`, { token: u.token })).body.items;
      expect(mine.map((s: { unitId: number }) => s.unitId)).toEqual([u.unitId]);
      const r = await api.call('POST', `/api/v1/assessments/${id}/reports`, {
        token: u.token,
        body: {
          subjectId: mine[0].id,
          kind: 'self_inspection',
          body: `${u.name}贯彻实施“一法一条例”自查报告`,
          figures: { members: 120, meetings: 4 },
        },
      });
      expect(r.status, r.text).toBe(201);
    }
    const other = subjects.find((s) => s.unitId !== units[0].unitId)!;
    expect(
      (
        await api.call('POST', `/api/v1/assessments/${id}/reports`, {
          token: units[0].token,
          body: { subjectId: other.id, kind: 'self_inspection', body: '代报' },
        })
      ).status,
    ).toBe(403);
    // A unit outside the inspection does not see it at all.
    expect((await api.call('GET', `/api/v1/assessments/${id}`, { token: world.tokens.handlerB })).status).toBe(404);

    expect((await api.call('POST', `/api/v1/assessments/${id}/open`, { token: congress })).body.state).toBe('open');

    // 重点检查: one unit of each kind, scored by the group on the 4 aspects.
    const key = ['镇街', '系统工会', '机关事业单位', '企业'].map((k) => subjects.find((s) => s.stratum === k)!);
    for (const [j, g] of group.entries()) {
      const entries = key.map((s, n) => ({
        subjectId: s.id,
        items: aspects.map((a, k) => ({ itemKey: `${a.key}_done`, score: 6 + ((n + k + j) % 4) })),
      }));
      expect((await api.call('POST', `/api/v1/assessments/${id}/scores`, { token: g.token, body: { entries } })).status).toBe(200);
    }
    // Findings per aspect and suggestions for the law, from the group.
    for (const a of aspects) {
      const f = await api.call('POST', `/api/v1/assessments/${id}/reports`, {
        token: group[0].token,
        body: { kind: 'finding', aspectKey: a.key, subjectId: key[0].id, body: `${a.name}：部分非公企业工会组建滞后，经费保障不足。` },
      });
      expect(f.status, f.text).toBe(201);
    }
    for (const text of ['建议修订条例，明确新就业形态劳动者入会办法。', '建议建立工会经费收缴部门协同机制。']) {
      expect(
        (await api.call('POST', `/api/v1/assessments/${id}/reports`, { token: group[1].token, body: { kind: 'suggestion', body: text } }))
          .status,
      ).toBe(201);
    }
    const unknownAspect = await api.call('POST', `/api/v1/assessments/${id}/reports`, {
      token: group[1].token,
      body: { kind: 'finding', aspectKey: 'finance', body: '—' },
    });
    expect([unknownAspect.status, unknownAspect.body.error.message]).toEqual([400, expect.stringContaining('finance')]);
    expect((await api.call('POST', `/api/v1/assessments/${id}/close`, { token: congress })).body.state).toBe('closed');

    const results = (await api.call('GET', `/api/v1/assessments/${id}/results`, { token: congress })).body;
    expect(results.reports).toEqual({ self_inspection: 8, finding: 4, suggestion: 2 });
    expect([results.scoring.scored, results.scoring.unscored]).toEqual([4, 4]);
    expect(results.scoring.aspectMeans.map((a: { name: string }) => a.name)).toEqual(aspects.map((a) => a.name));
    // Each aspect's mean over the four key inspections, from the scores above: (6+7+8+9 + …)/12 per aspect.
    const expectedMean = (k: number) => {
      let sum = 0;
      for (let n = 0; n < 4; n++) for (let j = 0; j < 3; j++) sum += 6 + ((n + k + j) % 4);
      return Math.round((sum / 12) * 100) / 100;
    };
    expect(results.scoring.aspectMeans.map((a: { mean: number }) => a.mean)).toEqual([0, 1, 2, 3].map(expectedMean));
    expect(results.findings.filter((f: { kind: string }) => f.kind === 'finding').map((f: { aspectKey: string }) => f.aspectKey)).toEqual(
      aspects.map((a) => a.key),
    );
    expect(results.findings.filter((f: { kind: string }) => f.kind === 'suggestion')).toHaveLength(2);
  }, 120_000);
});
