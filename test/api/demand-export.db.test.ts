// Any filtered list a desk sees can go to Excel: CSV with a BOM or XLSX, in the caller's scope, formulas neutralised.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandsForExport } from '../../src/modules/demands/queries/export-demands.js';
import { listDemands } from '../../src/modules/demands/queries/list-demands.js';
import type { ListDemandsFilter } from '../../src/modules/demands/schema.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

describe('exporting a filtered demand list', () => {
  it('honours the filters and the caller’s scope, in CSV and XLSX, with formulas neutralised', async () => {
    const op = world.tokens.operator;
    const made = [];
    for (const title of ['=HYPERLINK("http://x")', '路灯不亮', '下水道堵塞']) {
      const r = await api.call('POST', '/api/v1/demands', {
        token: op,
        body: { title, content: `${title} 请处理`, reporterPhone: '13800000000', regionId: world.c1.id },
      });
      made.push(r.body.id);
    }
    await api.call('POST', `/api/v1/demands/${made[1]}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });

    const csv = await api.call('GET', '/api/v1/demands?format=csv', { token: op });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // The BOM that tells Excel the file is UTF-8 (fetch's text() hides it, so read the bytes).
    const bytes = new Uint8Array(
      await (await fetch(`${api.base}/api/v1/demands?format=csv`, { headers: { authorization: `Bearer ${op}` } })).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('编号,登记时间,渠道,类型,状态,标题');
    expect(lines).toHaveLength(4);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);

    const filtered = await api.call('GET', '/api/v1/demands?format=csv&state=dispatched', { token: op });
    expect(filtered.text.trim().split('\r\n')).toHaveLength(2);
    // A handler exports only what their unit holds.
    const handler = await api.call('GET', '/api/v1/demands?format=csv', { token: world.tokens.handlerA });
    const handlerRows = handler.text.trim().split('\r\n');
    expect(handlerRows).toHaveLength(2);
    expect(handlerRows[1]).toContain('路灯不亮');

    const raw = await fetch(`${api.base}/api/v1/demands?format=xlsx&state=registered`, { headers: { authorization: `Bearer ${op}` } });
    expect(raw.headers.get('content-disposition')).toMatch(/demands-\d{4}-\d{2}-\d{2}\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await raw.arrayBuffer());
    const sheet = book.getWorksheet('诉求')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(5).text).toBe('状态');
    expect(sheet.getRow(2).getCell(5).text).toBe('已受理');
    const bad = await api.call('GET', '/api/v1/demands?format=pdf', { token: op });
    expect(bad.status).toBe(400);
  });
});

describe('a long export', () => {
  it.each(['newest', 'oldest', 'due'] as const)(
    'streams page after page in the list’s own order (%s), each demand once, as a one-page list holds them',
    async (sort) => {
      const op = world.actors.operator;
      const filter = { sort, page: 1, pageSize: 100, format: 'json' } as ListDemandsFilter;
      const whole = await listDemands(database.db, op, filter, worldStart);
      expect(whole.total).toBeGreaterThanOrEqual(3);
      const streamed = [];
      let pages = 0;
      // Two rows a page: every cursor step is crossed, ties of deadlines included.
      for await (const page of demandsForExport(database.db, op, filter, worldStart, 2)) {
        pages++;
        streamed.push(...page.map((d) => d.number));
      }
      expect(streamed).toEqual(whole.items.map((d) => d.number));
      expect(pages).toBe(Math.ceil(whole.total / 2));
    },
  );

  it('writes the same CSV through the API as the list shows, every row, times in China time', async () => {
    const csv = await api.call('GET', '/api/v1/demands?format=csv&sort=oldest', { token: world.tokens.operator });
    const list = await api.call('GET', '/api/v1/demands?sort=oldest&pageSize=100', { token: world.tokens.operator });
    const lines = csv.text.trim().split('\r\n').slice(1);
    expect(lines.map((l: string) => l.split(',')[0])).toEqual(list.body.items.map((d: { number: string }) => d.number));
    const created = new Date(list.body.items[0].createdAt);
    expect(lines[0].split(',')[1]).toBe(created.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
  });
});

describe('caller history (来电弹屏)', () => {
  it('finds a caller’s demands by their number, however it was typed, within the caller’s scope', async () => {
    const op = world.tokens.operator;
    for (const content of ['楼道灯坏了', '楼下噪音']) {
      await api.call('POST', '/api/v1/demands', { token: op, body: { content, reporterPhone: '139-2222-3333', regionId: world.c1.id } });
    }
    await api.call('POST', '/api/v1/demands', {
      token: op,
      body: { content: '别人的诉求', reporterPhone: '13922224444', regionId: world.c1.id },
    });
    const history = await api.call('GET', '/api/v1/demands?phone=13922223333', { token: op });
    expect(history.body.total).toBe(2);
    expect(history.body.items.map((d: { content: string }) => d.content).sort()).toEqual(['楼下噪音', '楼道灯坏了']);
    expect((await api.call('GET', '/api/v1/demands?phone=139%202222%203333', { token: op })).body.total).toBe(2);
    // A handler of a unit that holds none of them sees none.
    expect((await api.call('GET', '/api/v1/demands?phone=13922223333', { token: world.tokens.handlerB })).body.total).toBe(0);
    expect((await api.call('GET', '/api/v1/demands?phone=abc', { token: op })).status).toBe(400);
  });
});
