// The seed page: 8 young technicians compete in substation operation and maintenance at the 220 kV 许溪 substation.
// In pairs, following the "five rules" of switching operations (倒闸操作"五制"), each step of the standard procedure is
// judged: the operation ticket, the tool check, the interlock (五防) simulation, remote operation from the control
// room and operation in the GIS room. 晋佩 of the 荣昌 control station and partner take first place. Replayed through
// the HTTP API: a judge never scores their own station's pair; equal totals are separated by the declared tie-break.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { staffWithToken, unitViaApi } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld(new Date('2025-05-20T01:00:00Z'))));
afterAll(() => tearDownApiWorld({ database, api }));

const steps = [
  { key: 'ticket', name: '填写操作票', max: 20 },
  { key: 'tools', name: '检查工器具', max: 10 },
  { key: 'interlock', name: '五防模拟', max: 20 },
  { key: 'remote', name: '后台机远程遥控操作', max: 25 },
  { key: 'gis', name: 'GIS 室操作', max: 25 },
];
const pairs = [
  { ref: 'P1', station: '荣昌集控站', members: ['晋佩', '周凯'], marks: [19, 10, 19, 24, 23] }, // 95
  { ref: 'P2', station: '永川集控站', members: ['陈曦', '罗勇'], marks: [18, 9, 18, 23, 22] }, // 90
  { ref: 'P3', station: '大足运维班', members: ['王涛', '李航'], marks: [19, 10, 18, 23, 20] }, // 90, weaker in the GIS room
  { ref: 'P4', station: '铜梁运维班', members: ['张蕾', '刘洋'], marks: [17, 9, 17, 21, 21] }, // 85
];

describe('变电运维技能大比武 (skills competition)', () => {
  it('judges each step for 4 pairs of 8 technicians and ranks 晋佩’s pair first', async () => {
    const organiser = world.tokens.operator; // 国网永川供电公司 stages it in the district
    const admin = world.tokens.admin;
    const stations: number[] = [];
    for (const p of pairs) stations.push(await unitViaApi(api, admin, p.station, 'enterprise'));
    const judges = [];
    for (let j = 0; j < 3; j++) judges.push(await staffWithToken(api, admin, { username: `judge${j}`, displayName: `裁判 ${j + 1}` }));
    const rongchangJudge = await staffWithToken(api, admin, { username: 'judge.rc', displayName: '裁判 4（荣昌集控站）' });

    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: organiser,
      body: {
        name: '变电运维倒闸操作',
        aspects: [
          { key: 'procedure', name: '标准化作业流程', items: steps.map((s) => ({ key: s.key, name: s.name, kind: 'scale', max: s.max })) },
          { key: 'rules', name: '倒闸操作“五制”', items: [{ key: 'five_rules', name: '严格遵循“五制”', kind: 'pass_fail' }] },
        ],
      },
    });
    expect(rubric.status, rubric.text).toBe(201);
    const round = await api.call('POST', '/api/v1/assessments', {
      token: organiser,
      body: {
        kind: 'competition',
        title: '变电运维技能大比武',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2025-05-20',
        endsOn: '2025-05-20',
        tieBreak: ['gis', 'ticket'],
      },
    });
    expect(round.status, round.text).toBe(201);
    const id = round.body.id;
    const added = await api.call('POST', `/api/v1/assessments/${id}/subjects`, {
      token: organiser,
      body: { subjects: pairs.map((p, i) => ({ kind: 'pair', ref: p.ref, name: p.station, members: p.members, unitId: stations[i] })) },
    });
    expect(added.body.counts).toEqual({ pair: 4 });
    const lonely = await api.call('POST', `/api/v1/assessments/${id}/subjects`, {
      token: organiser,
      body: { subjects: [{ kind: 'pair', ref: 'P5', name: '单人', members: ['某人'] }] },
    });
    expect(lonely.status).toBe(400);
    await api.call('POST', `/api/v1/assessments/${id}/panel`, {
      token: organiser,
      body: {
        members: [
          ...judges.map((j) => ({ userId: j.id, role: 'assessor' })),
          { userId: rongchangJudge.id, role: 'assessor', unitIds: [stations[0]] },
        ],
      },
    });
    const subjects = (await api.call('GET', `/api/v1/assessments/${id}/subjects`, { token: organiser })).body.items as {
      id: number;
      ref: string;
      members: string[];
    }[];
    expect(subjects.flatMap((s) => s.members)).toHaveLength(8);
    expect((await api.call('POST', `/api/v1/assessments/${id}/open`, { token: organiser })).body.state).toBe('open');

    const entryFor = (s: { id: number; ref: string }) => {
      const pair = pairs.find((p) => p.ref === s.ref)!;
      return {
        subjectId: s.id,
        items: [...steps.map((st, k) => ({ itemKey: st.key, score: pair.marks[k] })), { itemKey: 'five_rules', passed: true }],
      };
    };
    for (const j of judges) {
      expect(
        (await api.call('POST', `/api/v1/assessments/${id}/scores`, { token: j.token, body: { entries: subjects.map(entryFor) } })).status,
      ).toBe(200);
    }
    // The 荣昌 judge may not score the 荣昌 pair: refused, nothing written; the other pairs they judge.
    const own = await api.call('POST', `/api/v1/assessments/${id}/scores`, {
      token: rongchangJudge.token,
      body: { entries: subjects.map(entryFor) },
    });
    expect([own.status, own.body.error.code]).toEqual([409, 'assessment.conflict_of_interest']);
    const others = subjects.filter((s) => s.ref !== 'P1').map(entryFor);
    expect(
      (await api.call('POST', `/api/v1/assessments/${id}/scores`, { token: rongchangJudge.token, body: { entries: others } })).status,
    ).toBe(200);
    expect((await api.call('POST', `/api/v1/assessments/${id}/close`, { token: organiser })).body.state).toBe('closed');

    const results = (await api.call('GET', `/api/v1/assessments/${id}/results`, { token: organiser })).body;
    const table = results.scoring.rows.map(
      (r: { name: string; rank: number; final: number; assessors: number; decidedBy: string | null }) => [
        r.name,
        r.rank,
        r.final,
        r.assessors,
        r.decidedBy,
      ],
    );
    expect(table).toEqual([
      ['荣昌集控站（晋佩、周凯）', 1, 95, 3, null],
      ['永川集控站（陈曦、罗勇）', 2, 90, 4, null],
      ['大足运维班（王涛、李航）', 3, 90, 4, 'gis'],
      ['铜梁运维班（张蕾、刘洋）', 4, 85, 4, null],
    ]);
    expect(results.scoring.maxTotal).toBe(100);
    // Every pair kept the five rules.
    expect(results.qualification).toMatchObject({ assessed: 4, qualified: 4 });

    expect((await api.call('POST', `/api/v1/assessments/${id}/publish`, { token: organiser })).status).toBe(200);
    const pub = await api.call('GET', `/api/v1/public/assessments/${id}`);
    expect(pub.body.ranking[0]).toMatchObject({ rank: 1, name: '荣昌集控站（晋佩、周凯）' });
    expect(pub.body.ranking.filter((r: { rank: number }) => r.rank === 1)).toHaveLength(1);
  }, 120_000);
});
