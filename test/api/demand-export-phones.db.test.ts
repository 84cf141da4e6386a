// An export shows each phone as its caller may see it: in full to the operators of the region and the unit that
// handles the demand, masked to anyone else, in CSV and XLSX alike.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../src/lib/csv.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const phonesIn = async (token: string) => {
  const csv = await api.call('GET', '/api/v1/demands?format=csv&sort=oldest', { token });
  const raw = await fetch(`${api.base}/api/v1/demands?format=xlsx&sort=oldest`, { headers: { authorization: `Bearer ${token}` } });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await raw.arrayBuffer());
  const sheet = book.getWorksheet('诉求')!;
  const xlsx: Record<string, string> = {};
  for (let r = 2; r <= sheet.rowCount; r++) xlsx[sheet.getRow(r).getCell(6).text] = sheet.getRow(r).getCell(15).text;
  const fromCsv = Object.fromEntries(parseCsvObjects(csv.text).map((row) => [row.标题, row.联系电话]));
  return { csv: fromCsv, xlsx };
};

describe('phones in an export', () => {
  it('are masked for those who may not see them, row by row, as the demand’s page shows them', async () => {
    const op = world.tokens.operator;
    for (const [title, reporterPhone] of [
      ['路灯不亮', '13812345678'],
      ['水管爆裂', '13987654321'],
    ]) {
      const made = await api.call('POST', '/api/v1/demands', {
        token: op,
        body: { title, content: `${title}，请处理`, reporterPhone, regionId: world.c1.id },
      });
      if (title === '路灯不亮') {
        await api.call('POST', `/api/v1/demands/${made.body.id}/dispatch`, {
          token: world.tokens.dispatcher,
          body: { unitId: world.deptA.id },
        });
      }
    }
    const shown = { 路灯不亮: '13812345678', 水管爆裂: '13987654321' };
    const masked = { 路灯不亮: '138****5678', 水管爆裂: '139****4321' };
    for (const [who, expected] of [
      ['operator', shown],
      ['supervisor', masked],
      ['dispatcher', masked],
    ] as const) {
      const phones = await phonesIn(world.tokens[who]);
      expect([who, phones.csv]).toEqual([who, expect.objectContaining(expected)]);
      expect([who, phones.xlsx]).toEqual([who, expect.objectContaining(expected)]);
    }
    // The unit handling the lamp sees that reporter's phone; the burst pipe is not its demand.
    const handler = await phonesIn(world.tokens.handlerA);
    expect(handler.csv).toEqual({ 路灯不亮: '13812345678' });
    expect(handler.xlsx).toEqual({ 路灯不亮: '13812345678' });
  });
});
