// A blind round's workbook hides what its results hide: the chair who reads `hidden: true` on the results
// downloads no one's item scores and no assessor's name until the round closes.
import ExcelJS from 'exceljs';
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

async function workbookText(id: number, token: string): Promise<string> {
  const res = await fetch(`${api.base}/api/v1/assessments/${id}/export.xlsx`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

describe('the export of a blind round', () => {
  it('hides item scores and assessors from the chair while the round is open, and shows them once it is closed', async () => {
    const organiser = world.tokens.operator;
    const chair = await staffWithToken(api, world.tokens.admin, { username: 'blind.chair', displayName: '评议组组长甲' });
    const panel = [
      await staffWithToken(api, world.tokens.admin, { username: 'blind.a', displayName: '评委赵一' }),
      await staffWithToken(api, world.tokens.admin, { username: 'blind.b', displayName: '评委钱二' }),
    ];
    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: organiser,
      body: {
        name: '述职评议',
        aspects: [{ key: 'lead', name: '政治统领', items: [{ key: 'political', name: '思想理论武装', kind: 'scale', max: 25 }] }],
      },
    });
    const round = await api.call('POST', '/api/v1/assessments', {
      token: organiser,
      body: {
        kind: 'review',
        title: '书记述职 2024',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2025-01-10',
        endsOn: '2025-01-10',
        blind: true,
      },
    });
    expect(round.status, round.text).toBe(201);
    const id = round.body.id as number;
    await api.call('POST', `/api/v1/assessments/${id}/subjects`, {
      token: organiser,
      body: { subjects: [{ kind: 'person', ref: 'S01', name: '第一校书记', mode: 'written' }] },
    });
    await api.call('POST', `/api/v1/assessments/${id}/panel`, {
      token: organiser,
      body: { members: [{ userId: chair.id, role: 'chair' }, ...panel.map((p) => ({ userId: p.id, role: 'assessor' }))] },
    });
    const [subject] = (await api.call('GET', `/api/v1/assessments/${id}/subjects`, { token: organiser })).body.items;
    expect((await api.call('POST', `/api/v1/assessments/${id}/open`, { token: organiser })).body.state).toBe('open');
    for (const [j, member] of panel.entries()) {
      const sent = await api.call('POST', `/api/v1/assessments/${id}/scores`, {
        token: member.token,
        body: { entries: [{ subjectId: subject.id, items: [{ itemKey: 'political', score: 17 + j * 2 }] }] },
      });
      expect(sent.status, sent.text).toBe(200);
    }

    expect((await api.call('GET', `/api/v1/assessments/${id}/results`, { token: chair.token })).body.hidden).toBe(true);
    const hidden = await workbookText(id, chair.token);
    expect(hidden).toContain('第一校书记');
    expect(hidden).toMatch(/盲评/);
    for (const secret of ['评委赵一', '评委钱二', '18']) expect(hidden).not.toContain(secret);

    // The organiser sees the results, and so the workbook, in full.
    expect((await api.call('GET', `/api/v1/assessments/${id}/results`, { token: organiser })).body.hidden).toBe(false);
    expect(await workbookText(id, organiser)).toContain('评委赵一');

    expect((await api.call('POST', `/api/v1/assessments/${id}/close`, { token: chair.token })).body.state).toBe('closed');
    const closed = await workbookText(id, chair.token);
    for (const shown of ['评委赵一', '评委钱二', '18']) expect(closed).toContain(shown);
  });
});
