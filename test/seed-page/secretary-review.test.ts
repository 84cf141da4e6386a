// The seed page: the education system's 2024 review of school Party secretaries' work on grassroots Party building
// (述职评议). 12 secretaries report on site, the other 33 in writing; the leaders comment on site (点评) and a panel
// scores on the spot (现场测评). Replayed through the HTTP API: one rubric for both kinds of report, blind scoring
// from the panel's phones, the highest and lowest score dropped, a declared tie-break, the chair closing the round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { staffWithToken } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld(new Date('2025-01-10T01:00:00Z'))));
afterAll(() => tearDownApiWorld({ database, api }));

const items = ['political', 'organisation', 'team', 'discipline'] as const;

/** What assessor j gives secretary i, by item: totals 50…92 apart from the two at the top, who tie at 93 overall. */
function scoresFor(i: number, j: number) {
  const base = i >= 43 ? 93 : 50 + i;
  const total = base + (j - 2) + (i === 0 && j === 4 ? 10 : 0); // one panel member is generous to the first secretary
  const q = Math.floor(total / 4);
  const r = total % 4;
  const split = [q + (r > 0 ? 1 : 0), q + (r > 1 ? 1 : 0), q + (r > 2 ? 1 : 0), q];
  // The two tied secretaries differ only in where their points lie: the 45th is stronger on political leadership.
  if (i === 44) [split[0], split[3]] = [split[0] + 1, split[3] - 1];
  return items.map((itemKey, k) => ({ itemKey, score: split[k] }));
}

describe('党组织书记抓基层党建述职评议 (performance review)', () => {
  it('scores 12 on-site and 33 written reports by one rubric, blind, trimmed, and ranks them with the declared tie-break', async () => {
    const organiser = world.tokens.operator; // 区委教育工委
    const chair = await staffWithToken(api, world.tokens.admin, { username: 'review.chair', displayName: '区委组织部 评议组组长' });
    const panel = [];
    for (let j = 0; j < 5; j++)
      panel.push(await staffWithToken(api, world.tokens.admin, { username: `review.${j}`, displayName: `评议代表 ${j + 1}` }));

    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: organiser,
      body: {
        name: '党组织书记抓基层党建述职评议',
        aspects: [
          { key: 'lead', name: '政治统领', items: [{ key: 'political', name: '突出政治统领、思想理论武装', kind: 'scale', max: 25 }] },
          { key: 'build', name: '组织建设', items: [{ key: 'organisation', name: '基层党组织建设', kind: 'scale', max: 25 }] },
          { key: 'people', name: '队伍建设', items: [{ key: 'team', name: '党员和教师队伍建设', kind: 'scale', max: 25 }] },
          { key: 'strict', name: '从严治党', items: [{ key: 'discipline', name: '全面从严治党责任与作风建设', kind: 'scale', max: 25 }] },
        ],
      },
    });
    expect(rubric.status, rubric.text).toBe(201);
    const round = await api.call('POST', '/api/v1/assessments', {
      token: organiser,
      body: {
        kind: 'review',
        title: '教育系统 2024 年党组织书记抓基层党建工作述职评议',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2025-01-10',
        endsOn: '2025-01-10',
        blind: true,
        trim: true,
        tieBreak: ['political'],
        period: '2024 年度',
      },
    });
    expect(round.status, round.text).toBe(201);
    const id = round.body.id;

    const secretaries = Array.from({ length: 45 }, (_, i) => ({
      kind: 'person',
      ref: `S${String(i + 1).padStart(2, '0')}`,
      name: `第 ${i + 1} 校党组织书记`,
      mode: i < 12 ? 'on_site' : 'written',
    }));
    expect(
      (await api.call('POST', `/api/v1/assessments/${id}/subjects`, { token: organiser, body: { subjects: secretaries } })).body.counts,
    ).toEqual({ person: 45 });
    await api.call('POST', `/api/v1/assessments/${id}/panel`, {
      token: organiser,
      body: { members: [{ userId: chair.id, role: 'chair' }, ...panel.map((p) => ({ userId: p.id, role: 'assessor' }))] },
    });
    const subjects = (await api.call('GET', `/api/v1/assessments/${id}/subjects?limit=100`, { token: organiser })).body.items as {
      id: number;
      ref: string;
      mode: string;
    }[];
    expect(subjects.filter((s) => s.mode === 'on_site')).toHaveLength(12);
    expect(subjects.filter((s) => s.mode === 'written')).toHaveLength(33);

    // Every secretary's report, on site or in writing, goes in before the scoring.
    for (const [i, s] of subjects.entries()) {
      const filed = await api.call('POST', `/api/v1/assessments/${id}/reports`, {
        token: organiser,
        body: {
          subjectId: s.id,
          kind: s.mode,
          body: `2024 年党建工作主要做法、特色亮点、经验成效；问题与不足；2025 年思路（第 ${i + 1} 校）。`,
        },
      });
      expect(filed.status, filed.text).toBe(201);
    }
    expect((await api.call('POST', `/api/v1/assessments/${id}/open`, { token: organiser })).body.state).toBe('open');

    // The panel scores from their phones: one secretary at a time on site, the written reports in one batch.
    for (const [j, member] of panel.entries()) {
      for (const [i, s] of subjects.entries()) {
        if (s.mode !== 'on_site') continue;
        const sent = await api.call('POST', `/api/v1/assessments/${id}/scores`, {
          token: member.token,
          body: { entries: [{ subjectId: s.id, items: scoresFor(i, j) }] },
        });
        expect(sent.status, sent.text).toBe(200);
      }
      const written = subjects.map((s, i) => ({ s, i })).filter(({ s }) => s.mode === 'written');
      const batch = await api.call('POST', `/api/v1/assessments/${id}/scores`, {
        token: member.token,
        body: { entries: written.map(({ s, i }) => ({ subjectId: s.id, items: scoresFor(i, j) })) },
      });
      expect(batch.status, batch.text).toBe(200);
    }
    // A score outside the scale is refused and names the item.
    const over = await api.call('POST', `/api/v1/assessments/${id}/scores`, {
      token: panel[0].token,
      body: { entries: [{ subjectId: subjects[0].id, items: [{ itemKey: 'team', score: 26 }] }] },
    });
    expect([over.status, over.body.error.message]).toEqual([400, expect.stringContaining('0 到 25')]);

    // Blind: while the round is open a panel member sees only their own entries, no totals.
    const blind = await api.call('GET', `/api/v1/assessments/${id}/results`, { token: panel[1].token });
    expect([blind.body.hidden, blind.body.scoring]).toEqual([true, null]);
    const own = (await api.call('GET', `/api/v1/assessments/${id}/subjects?limit=1`, { token: panel[1].token })).body.items[0];
    expect(own.myScores.map((x: { score: number }) => x.score)).toEqual(scoresFor(0, 1).map((x) => x.score));

    // The chair comments on each on-site report (点评), then closes the round: the scores are locked.
    for (const s of subjects.filter((x) => x.mode === 'on_site')) {
      const comment = await api.call('POST', `/api/v1/assessments/${id}/reports`, {
        token: chair.token,
        body: { subjectId: s.id, kind: 'comment', body: '特色亮点突出；要以党建牵引教育改革。' },
      });
      expect(comment.status, comment.text).toBe(201);
    }
    // Only the units report on themselves: a panel member cannot file a secretary's report.
    expect(
      (
        await api.call('POST', `/api/v1/assessments/${id}/reports`, {
          token: chair.token,
          body: { subjectId: subjects[0].id, kind: 'written', body: '代写' },
        })
      ).status,
    ).toBe(403);
    expect((await api.call('POST', `/api/v1/assessments/${id}/close`, { token: chair.token })).body.state).toBe('closed');
    const late = await api.call('POST', `/api/v1/assessments/${id}/scores`, {
      token: panel[0].token,
      body: { entries: [{ subjectId: subjects[0].id, items: scoresFor(0, 0) }] },
    });
    expect(late.status).toBe(409);

    const results = (await api.call('GET', `/api/v1/assessments/${id}/results`, { token: panel[1].token })).body;
    expect(results.hidden).toBe(false);
    expect(results.modes).toEqual({ on_site: 12, written: 33 });
    expect(results.reports).toEqual({ on_site: 12, written: 33, comment: 12 });
    const scoring = results.scoring;
    expect([scoring.scored, scoring.unscored, scoring.maxTotal, scoring.trimmed, scoring.tieBreak]).toEqual([
      45,
      0,
      100,
      true,
      ['political'],
    ]);
    // The two at the top tie at 93; political leadership decides the first place.
    const byRef = new Map(subjects.map((s) => [s.id, s.ref]));
    const top = scoring.rows
      .slice(0, 3)
      .map((r: { subjectId: number; rank: number; final: number; decidedBy: string | null }) => [
        byRef.get(r.subjectId),
        r.rank,
        r.final,
        r.decidedBy,
      ]);
    expect(top).toEqual([
      ['S45', 1, 93, null],
      ['S44', 2, 93, 'political'],
      ['S43', 3, 92, null],
    ]);
    // The first secretary's generous score is dropped with the lowest: 48, 49, 50, 51, 62 → mean 52, trimmed 50.
    const first = scoring.rows.find((r: { subjectId: number }) => byRef.get(r.subjectId) === 'S01');
    expect(first).toMatchObject({ assessors: 5, mean: 52, trimmedMean: 50, final: 50, spread: { range: 14 }, rank: 45 });
    expect(scoring.rows.map((r: { rank: number }) => r.rank)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));

    // Published: the ranking by name, never a panel member's own scores.
    expect((await api.call('POST', `/api/v1/assessments/${id}/publish`, { token: organiser })).status).toBe(200);
    const pub = await api.call('GET', `/api/v1/public/assessments/${id}`);
    expect(pub.body.ranking).toHaveLength(45);
    expect(pub.body.ranking[0]).toEqual({ rank: 1, name: '第 45 校党组织书记', final: 93, mode: 'written' });
    expect(pub.text).not.toContain('评议代表');
  }, 120_000);
});
