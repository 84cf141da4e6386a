// A window's file list arrives as a spreadsheet: the population import reads XLSX as it reads CSV, all or nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

async function workbook(rows: (string | number | Date)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('档案');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('population import from XLSX', () => {
  it('imports every row with its stratum and unit, refuses a file with a bad row whole, and says what is unreadable', async () => {
    const op = world.tokens.operator;
    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: op,
      body: { name: '导入测试', aspects: [{ key: 'a', name: '资料', items: [{ key: 'ok', name: '合格', kind: 'pass_fail' }] }] },
    });
    const round = await api.call('POST', '/api/v1/assessments', {
      token: op,
      body: {
        kind: 'audit',
        title: '导入',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2026-01-01',
        endsOn: '2026-01-15',
      },
    });
    const id = round.body.id;
    const columns = { ref: '档案号', stratum: '病种', unit: '医院' };
    const header = ['档案号', '病种', '医院', '认定日期'];
    const good = await workbook([
      header,
      ...Array.from({ length: 30 }, (_, i) => [`X${i}`, i % 2 ? '糖尿病' : '高血压', '区城市管理局', new Date(Date.UTC(2025, 0, i + 1))]),
    ]);
    const bad = await workbook([header, ['X1', '糖尿病', '区城市管理局', '2025-01-01'], ['X1', '高血压', '不存在的医院', '2025-01-02']]);
    const refused = await api.call('POST', `/api/v1/assessments/${id}/population`, {
      token: op,
      body: { format: 'xlsx', data: bad, columns },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 3 行编号 X1 与第 2 行重复。',
      '第 3 行的单位“不存在的医院”不存在。',
    ]);
    expect((await api.call('GET', `/api/v1/assessments/${id}`, { token: op })).body.counts.population).toBe(0);
    const ok = await api.call('POST', `/api/v1/assessments/${id}/population`, { token: op, body: { format: 'xlsx', data: good, columns } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ rows: 30, imported: 30, strata: { 糖尿病: 15, 高血压: 15 } });
    const unreadable = await api.call('POST', `/api/v1/assessments/${id}/population`, {
      token: op,
      body: { format: 'xlsx', data: Buffer.from('not a workbook').toString('base64'), columns },
    });
    expect([unreadable.status, unreadable.body.error.message]).toEqual([400, expect.stringContaining('XLSX')]);
    const missing = await api.call('POST', `/api/v1/assessments/${id}/population`, {
      token: op,
      body: { format: 'xlsx', data: good, columns: { ref: '编号' } },
    });
    expect([missing.status, missing.body.error.message]).toEqual([400, expect.stringContaining('编号')]);
  });

  it('takes the file itself (as the console sends it), with the mapping in the query; lists rubrics and panel candidates', async () => {
    const op = world.tokens.operator;
    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: op,
      body: { name: '文件导入', aspects: [{ key: 'a', name: '资料', items: [{ key: 'ok', name: '合格', kind: 'pass_fail' }] }] },
    });
    const listed = await api.call('GET', '/api/v1/assessment-rubrics', { token: op });
    expect(listed.body.items.find((r: { id: number }) => r.id === rubric.body.id)).toMatchObject({ name: '文件导入', version: 1 });
    expect((await api.call('GET', '/api/v1/assessment-rubrics', { token: world.tokens.handlerA })).status).toBe(403);
    const round = await api.call('POST', '/api/v1/assessments', {
      token: op,
      body: {
        kind: 'audit',
        title: '文件',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2026-01-01',
        endsOn: '2026-01-15',
      },
    });
    const id = round.body.id;
    const csv = `\uFEFF档案号,医院\n${Array.from({ length: 12 }, (_, i) => `F${i},区城市管理局`).join('\n')}\n`;
    const send = (query: string, raw: string) =>
      api.call('POST', `/api/v1/assessments/${id}/population?${query}`, { token: op, raw, headers: { 'content-type': 'text/csv' } });
    const dry = await send(`ref=${encodeURIComponent('档案号')}&stratum=${encodeURIComponent('医院')}&dryRun=true`, csv);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ rows: 12, valid: 12, imported: 0, strata: { 区城市管理局: 12 } });
    const missing = await send(`ref=${encodeURIComponent('编号')}`, csv);
    expect([missing.status, missing.body.error.details.header]).toEqual([400, ['档案号', '医院']]);
    const done = await send(`ref=${encodeURIComponent('档案号')}&unit=${encodeURIComponent('医院')}`, csv);
    expect(done.body).toMatchObject({ imported: 12 });
    const candidates = await api.call('GET', `/api/v1/assessments/${id}/panel-candidates`, { token: op });
    expect(candidates.status, candidates.text).toBe(200);
    const handler = candidates.body.items.find((u: { name: string }) => u.name === '测试 handlerA');
    expect(handler.units.map((u: { name: string }) => u.name)).toEqual([world.deptA.name]);
    expect((await api.call('GET', `/api/v1/assessments/${id}/panel-candidates`, { token: world.tokens.handlerA })).status).toBe(404);
  });
});
