// The seed page: the district's medical-insurance window checks the special-disease (特病) certifications of three
// hospitals over 15 days. The hospitals first self-inspect against the criteria of 47 disease types (staff and resident
// insurance); the window draws 3,313 files at random from a large population and checks each for authenticity,
// disease-to-type match and timeliness; hard cases go to an expert consultation with the patient's treatment records,
// whose finding is final. Result: 99% qualified. From now on: quarterly sampling plus an annual evaluation.
// Replayed through the HTTP API with those numbers.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { staffWithToken, unitViaApi } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld(new Date('2025-03-03T01:00:00Z'))));
afterAll(() => tearDownApiWorld({ database, api }));

const hospitals = ['区人民医院', '区中医院', '重庆永荣矿业有限公司总医院'];
const diseaseTypes = Array.from({ length: 47 }, (_, i) => `特病${String(i + 1).padStart(2, '0')}`);
const populationSize = 12_000;

/** The window's file list: 12,000 certification files over three hospitals and 47 types, as a CSV export. */
function populationCsv(prefix: string) {
  const lines = ['档案号,医院,病种,险种,申请日期,认定日期'];
  for (let i = 0; i < populationSize; i++) {
    // Unequal hospitals: the people's hospital certifies half of all files.
    const h = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
    const insurance = i % 3 === 0 ? '职工医保' : '居民医保';
    lines.push(
      `${prefix}${String(i).padStart(6, '0')},${hospitals[h]},${diseaseTypes[i % 47]},${insurance},2024-${String((i % 12) + 1).padStart(2, '0')}-05,2024-${String((i % 12) + 1).padStart(2, '0')}-12`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

type Subject = { id: number; ref: string; stratum: string; unitId: number; assessorUserId: number };

async function allSubjects(token: string, id: number, mine = false) {
  const out: Subject[] = [];
  let after = 0;
  for (;;) {
    const page = await api.call('GET', `/api/v1/assessments/${id}/subjects?limit=500&after=${after}${mine ? '&mine=true' : ''}`, { token });
    expect(page.status, page.text).toBe(200);
    out.push(...page.body.items);
    if (page.body.next === null) return out;
    after = page.body.next;
  }
}

describe('特病认定专项检查 (random-sample audit)', () => {
  it('draws 3,313 of the files, checks them with an expert consultation, and finds 99% qualified', async () => {
    const admin = world.tokens.admin;
    const window = world.tokens.operator; // 区政务服务中心医保窗口, organising in the district
    const unitIds: number[] = [];
    for (const name of hospitals) unitIds.push(await unitViaApi(api, admin, name));
    const hospitalStaff = [];
    for (const [i, unitId] of unitIds.entries()) {
      hospitalStaff.push(
        await staffWithToken(api, admin, {
          username: `hospital${i}`,
          displayName: `${hospitals[i]}医保办`,
          roles: [{ role: 'handler', unitId }],
        }),
      );
    }
    const clerks = [
      await staffWithToken(api, admin, { username: 'window.a', displayName: '窗口 甲' }),
      await staffWithToken(api, admin, { username: 'window.b', displayName: '窗口 乙' }),
      await staffWithToken(api, admin, { username: 'window.c', displayName: '窗口 丙（原区人民医院借调）' }),
    ];
    const expert = await staffWithToken(api, admin, { username: 'expert.li', displayName: '李主任医师' });

    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: window,
      body: {
        name: '特病认定抽查',
        aspects: [
          {
            key: 'file',
            name: '认定资料',
            items: [
              { key: 'authentic', name: '资料真实', kind: 'pass_fail' },
              { key: 'matched', name: '所患疾病与认定病种匹配', kind: 'pass_fail' },
              { key: 'timely', name: '认定及时', kind: 'pass_fail' },
            ],
          },
        ],
      },
    });
    expect(rubric.status, rubric.text).toBe(201);
    expect(rubric.body.version).toBe(1);

    const created = await api.call('POST', '/api/v1/assessments', {
      token: window,
      body: {
        kind: 'audit',
        title: '特病鉴定医院专项检查',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2025-03-03',
        endsOn: '2025-03-17', // 为期 15 天
        assignment: 'by_stratum',
        series: '特病认定抽查',
        period: '2025 专项',
      },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    expect(created.body.allowedSteps).toEqual(['setup', 'open', 'report']);

    // The population, from the window's export; a dry run first shows the strata and writes nothing.
    const csv = populationCsv('TB');
    const columns = { ref: '档案号', stratum: '医院', unit: '医院', name: '档案号' };
    const dry = await api.call('POST', `/api/v1/assessments/${id}/population`, {
      token: window,
      body: { format: 'csv', data: csv, columns, dryRun: true },
    });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({
      rows: populationSize,
      valid: populationSize,
      imported: 0,
      strata: { 区人民医院: 6_000, 区中医院: 3_600, 重庆永荣矿业有限公司总医院: 2_400 },
    });
    const bad = `${csv}TB999999,不存在的医院,特病01,职工医保,2024-01-01,2024-01-02\r\n,区中医院,特病02,居民医保,2024-01-01,2024-01-02\r\n`;
    const refused = await api.call('POST', `/api/v1/assessments/${id}/population`, {
      token: window,
      body: { format: 'csv', data: bad, columns },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((e: { row: number }) => e.row)).toEqual([12_002, 12_003]);
    expect((await api.call('GET', `/api/v1/assessments/${id}`, { token: window })).body.counts.population).toBe(0);
    const imported = await api.call('POST', `/api/v1/assessments/${id}/population`, {
      token: window,
      body: { format: 'csv', data: csv, columns },
    });
    expect(imported.body.imported).toBe(populationSize);

    // 3,313 files at random, in proportion to each hospital's files, from a recorded seed.
    const drawn = await api.call('POST', `/api/v1/assessments/${id}/sample`, {
      token: window,
      body: { size: 3_313, allocation: 'proportional', seed: '2025-special' },
    });
    expect(drawn.status, drawn.text).toBe(200);
    expect(drawn.body.plan.strata).toEqual({
      区中医院: { population: 3_600, drawn: 994 },
      区人民医院: { population: 6_000, drawn: 1_656 },
      重庆永荣矿业有限公司总医院: { population: 2_400, drawn: 663 },
    });
    const firstDraw = (await allSubjects(window, id)).map((s) => s.ref).sort();
    expect(firstDraw).toHaveLength(3_313);
    // Redrawn from the same seed: the same files.
    await api.call('POST', `/api/v1/assessments/${id}/sample`, { token: window, body: { size: 3_313, seed: '2025-special' } });
    expect((await allSubjects(window, id)).map((s) => s.ref).sort()).toEqual(firstDraw);

    // Each hospital self-inspects against the criteria before the check.
    for (const [i, h] of hospitalStaff.entries()) {
      const self = await api.call('POST', `/api/v1/assessments/${id}/reports`, {
        token: h.token,
        body: {
          kind: 'self_inspection',
          body: `${hospitals[i]}已对照 47 项特病认定标准完成全面自查自纠。`,
          figures: { checked: 500 + i, corrected: 3 + i },
        },
      });
      expect(self.status, self.text).toBe(201);
    }

    // The window's clerks check the files; the one seconded from the people's hospital never gets its files.
    const panel = await api.call('POST', `/api/v1/assessments/${id}/panel`, {
      token: window,
      body: {
        members: [
          { userId: clerks[0].id, role: 'assessor' },
          { userId: clerks[1].id, role: 'assessor' },
          { userId: clerks[2].id, role: 'assessor', unitIds: [unitIds[0]] },
          { userId: expert.id, role: 'expert' },
        ],
      },
    });
    expect(panel.status, panel.text).toBe(200);
    const assigned = await api.call('POST', `/api/v1/assessments/${id}/assign`, { token: window });
    expect(assigned.status, assigned.text).toBe(200);
    expect(Object.values(assigned.body.load).reduce((s: number, n) => s + (n as number), 0)).toBe(3_313);
    expect((await api.call('POST', `/api/v1/assessments/${id}/open`, { token: window })).body.state).toBe('open');

    const byClerk = await Promise.all(clerks.map((c) => allSubjects(c.token, id, true)));
    expect(byClerk[2].some((s) => s.unitId === unitIds[0])).toBe(false);
    expect(byClerk.flat()).toHaveLength(3_313);

    // What the clerks find: 31 files fail outright; 6 hard cases go to the experts on the disease match.
    const ordered = byClerk.flat().sort((a, b) => (a.ref < b.ref ? -1 : 1));
    const verdict = new Map<number, { fails?: 'authentic' | 'matched' | 'timely'; hard?: boolean }>();
    const hard = ordered.slice(31, 37);
    for (const [i, s] of ordered.slice(0, 37).entries()) {
      verdict.set(s.id, i < 12 ? { fails: 'timely' } : i < 23 ? { fails: 'matched' } : i < 31 ? { fails: 'authentic' } : { hard: true });
    }
    const reasons = { authentic: '病历资料与就诊记录不符', matched: '诊断依据不足以认定该病种', timely: '超过规定时限认定' };
    for (const [n, mine] of byClerk.entries()) {
      for (let i = 0; i < mine.length; i += 500) {
        const entries = mine.slice(i, i + 500).map((s) => {
          const v = verdict.get(s.id) ?? {};
          const keys = v.hard ? ['authentic', 'timely'] : ['authentic', 'matched', 'timely'];
          return {
            subjectId: s.id,
            items: keys.map((k) => (v.fails === k ? { itemKey: k, passed: false, reason: reasons[k] } : { itemKey: k, passed: true })),
          };
        });
        const sent = await api.call('POST', `/api/v1/assessments/${id}/scores`, { token: clerks[n].token, body: { entries } });
        expect(sent.status, sent.text).toBe(200);
      }
    }
    // A failed item needs a reason; another clerk's file is not theirs to score; nothing is written either way.
    const own = byClerk[0][0];
    expect(
      (
        await api.call('POST', `/api/v1/assessments/${id}/scores`, {
          token: clerks[0].token,
          body: { entries: [{ subjectId: own.id, items: [{ itemKey: 'timely', passed: false }] }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.call('POST', `/api/v1/assessments/${id}/scores`, {
          token: clerks[0].token,
          body: { entries: [{ subjectId: byClerk[1][0].id, items: [{ itemKey: 'timely', passed: true }] }] },
        })
      ).status,
    ).toBe(403);

    const consultations = [];
    for (const s of hard) {
      const r = await api.call('POST', `/api/v1/assessments/${id}/consultations`, {
        token: clerks[0].token,
        body: { subjectId: s.id, itemKey: 'matched', question: '诊断依据是否足以认定该病种？' },
      });
      expect(r.status, r.text).toBe(201);
      consultations.push(r.body.id);
    }
    const pending = await api.call('GET', `/api/v1/assessments/${id}/results`, { token: window });
    expect(pending.body.qualification).toMatchObject({ sampled: 3_313, assessed: 3_307, pendingConsultation: 6 });
    const early = await api.call('POST', `/api/v1/assessments/${id}/close`, { token: window });
    expect([early.status, early.body.error.code]).toEqual([409, 'assessment.invalid_state']);
    expect(early.body.error.message).toContain('6 项专家会诊');

    // The experts read the treatment records; their finding is final: four confirmed, two not.
    expect(
      (
        await api.call('POST', `/api/v1/assessment-consultations/${consultations[0]}/decision`, {
          token: clerks[0].token,
          body: { passed: true, finding: '—' },
        })
      ).status,
    ).toBe(403);
    for (const [i, c] of consultations.entries()) {
      const decided = await api.call('POST', `/api/v1/assessment-consultations/${c}/decision`, {
        token: expert.token,
        body: {
          passed: i < 4,
          finding: i < 4 ? '治疗记录支持该病种认定' : '治疗记录不支持该病种认定',
          evidence: '调取患者近两年门诊及住院治疗记录',
        },
      });
      expect(decided.status, decided.text).toBe(200);
    }
    expect((await api.call('POST', `/api/v1/assessments/${id}/close`, { token: window })).body.state).toBe('closed');
    const late = await api.call('POST', `/api/v1/assessments/${id}/scores`, {
      token: clerks[1].token,
      body: { entries: [{ subjectId: byClerk[1][0].id, items: [{ itemKey: 'timely', passed: true }] }] },
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'assessment.invalid_state']);

    // The result a person reads: 3,280 of 3,313 qualified, 99.0% [98.6%, 99.3%].
    const results = (await api.call('GET', `/api/v1/assessments/${id}/results`, { token: window })).body;
    expect(results.qualification).toMatchObject({
      sampled: 3_313,
      assessed: 3_313,
      qualified: 3_280,
      pendingConsultation: 0,
      rate: { rate: 99, low: 98.6, high: 99.3 },
    });
    expect(Math.round(results.qualification.rate.rate)).toBe(99);
    expect(results.qualification.failuresByItem).toEqual([
      { itemKey: 'authentic', name: '资料真实', failures: 8 },
      { itemKey: 'matched', name: '所患疾病与认定病种匹配', failures: 13 },
      { itemKey: 'timely', name: '认定及时', failures: 12 },
    ]);
    expect(results.qualification.strata.map((s: { stratum: string; assessed: number }) => [s.stratum, s.assessed])).toEqual([
      ['区中医院', 994],
      ['区人民医院', 1_656],
      ['重庆永荣矿业有限公司总医院', 663],
    ]);
    expect(results.reports).toEqual({ self_inspection: 3 });

    // Every failed item becomes a rectification task for its hospital, due in 15 working days.
    const rectify = await api.call('POST', `/api/v1/assessments/${id}/rectifications`, { token: window, body: { workingDays: 15 } });
    expect(rectify.status, rectify.text).toBe(201);
    expect(rectify.body.created).toBe(33);
    const again = await api.call('POST', `/api/v1/assessments/${id}/rectifications`, { token: window, body: {} });
    expect(again.body.created).toBe(0);
    const tasksOf = async (token: string) =>
      (await api.call('GET', `/api/v1/rectification-tasks?assessmentId=${id}`, { token })).body.items;
    const allTasks = await tasksOf(window);
    expect(allTasks).toHaveLength(33);
    const hospitalTasks = await Promise.all(hospitalStaff.map((h) => tasksOf(h.token)));
    expect(hospitalTasks.reduce((s, t) => s + t.length, 0)).toBe(33);
    expect(hospitalTasks.every((t, i) => t.every((x: { ownerUnitId: number }) => x.ownerUnitId === unitIds[i]))).toBe(true);
    const task = hospitalTasks.find((t) => t.length > 0)![0];
    const owner = hospitalStaff[unitIds.indexOf(task.ownerUnitId)];
    expect(
      (
        await api.call('POST', `/api/v1/rectification-tasks/${task.id}/evidence`, {
          token: owner.token,
          body: { evidence: '已补充病历并重新认定' },
        })
      ).body.state,
    ).toBe('submitted');
    expect(
      (await api.call('POST', `/api/v1/rectification-tasks/${task.id}/recheck`, { token: window, body: { accepted: false } })).status,
    ).toBe(400);
    expect(
      (
        await api.call('POST', `/api/v1/rectification-tasks/${task.id}/recheck`, {
          token: window,
          body: { accepted: true, note: '复查通过' },
        })
      ).body.state,
    ).toBe('closed');

    // The workbook for the leader: the summary with the rate and interval, and every sampled file.
    const file = await api.call('GET', `/api/v1/assessments/${id}/export.xlsx`, { token: window });
    expect(file.status).toBe(200);
    const raw = await fetch(`${api.base}/api/v1/assessments/${id}/export.xlsx`, { headers: { authorization: `Bearer ${window}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await raw.arrayBuffer());
    const summary = book.getWorksheet('汇总')!;
    const values = new Map<string, string>();
    summary.eachRow((row) => values.set(row.getCell(1).text, row.getCell(2).text));
    expect(values.get('合格率')).toBe('99%');
    expect(values.get('95% 置信区间')).toBe('98.6% – 99.3%');
    expect(book.getWorksheet('对象与评分')!.rowCount).toBe(3_314);

    // Published: residents see the rate, never a file.
    expect((await api.call('POST', `/api/v1/assessments/${id}/publish`, { token: window })).body.state).toBe('published');
    const published = await api.call('GET', `/api/v1/public/assessments/${id}`);
    expect(published.body.qualification.rate).toEqual({ rate: 99, low: 98.6, high: 99.3 });
    expect(published.text).not.toMatch(/TB0\d{5}/);

    // 季度抽查 + 年度评估: the next quarter's round sized by formula, then the year pooled.
    const q2 = await api.call('POST', '/api/v1/assessments', {
      token: window,
      body: {
        kind: 'audit',
        title: '特病认定季度抽查',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2025-06-02',
        endsOn: '2025-06-13',
        assignment: 'balanced',
        series: '特病认定抽查',
        period: '2025-Q2',
      },
    });
    const q2id = q2.body.id;
    await api.call('POST', `/api/v1/assessments/${q2id}/population`, {
      token: window,
      body: { format: 'csv', data: populationCsv('Q2'), columns },
    });
    const sized = await api.call('POST', `/api/v1/assessments/${q2id}/sample`, {
      token: window,
      body: { size: { confidence: 0.95, margin: 0.01, expectedRate: 0.99 }, seed: 'q2' },
    });
    expect(sized.body.plan).toMatchObject({ sizeFrom: 'formula', size: 369 });
    expect(sized.body.plan.formula).toContain('n0 = z²·p(1−p)/e²');
    await api.call('POST', `/api/v1/assessments/${q2id}/panel`, {
      token: window,
      body: { members: [{ userId: clerks[0].id, role: 'assessor' }] },
    });
    await api.call('POST', `/api/v1/assessments/${q2id}/assign`, { token: window });
    await api.call('POST', `/api/v1/assessments/${q2id}/open`, { token: window });
    const q2files = await allSubjects(clerks[0].token, q2id, true);
    const q2entries = q2files.map((s, i) => ({
      subjectId: s.id,
      items: [
        { itemKey: 'authentic', passed: true },
        { itemKey: 'matched', passed: true },
        i < 2 ? { itemKey: 'timely', passed: false, reason: '超过规定时限认定' } : { itemKey: 'timely', passed: true },
      ],
    }));
    expect(
      (await api.call('POST', `/api/v1/assessments/${q2id}/scores`, { token: clerks[0].token, body: { entries: q2entries } })).status,
    ).toBe(200);
    await api.call('POST', `/api/v1/assessments/${q2id}/close`, { token: window });
    const year = await api.call('GET', `/api/v1/assessment-evaluations?series=${encodeURIComponent('特病认定抽查')}&year=2025`, {
      token: window,
    });
    expect(year.status, year.text).toBe(200);
    expect(
      year.body.rounds.map((r: { period: string; assessed: number; qualified: number }) => [r.period, r.assessed, r.qualified]),
    ).toEqual([
      ['2025 专项', 3_313, 3_280],
      ['2025-Q2', 369, 367],
    ]);
    expect(year.body.total).toMatchObject({ assessed: 3_682, qualified: 3_647, rate: { rate: 99 } });

    // Every score is in the audit trail, one event per file scored.
    const trail = await api.call('GET', `/api/v1/audit-events?resource=assessment_subject&resourceId=${own.id}`, { token: admin });
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('score');
  }, 240_000);
});
