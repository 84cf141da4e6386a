// 历史导入: an earlier 12345 system's export comes in with its own numbers and times — dry run with row
// errors and unmatched names, names resolved per source, all or nothing, a repeated run skips what is
// there — and ../shared/data/replies.csv (2,816 real messages with replies) round-trips through export.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../src/lib/csv.js';
import { parseTime } from '../../src/modules/imports/rules/rows.js';
import { sharedDataDir } from '../../src/server.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let sourceId: number;
const repliesFile = `${sharedDataDir}/replies.csv`;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const columns = {
  number: 'id',
  title: 'title',
  content: 'body',
  createdAt: 'time',
  replyText: 'reply',
  repliedAt: 'reply_time',
  unit: 'unit',
};
const csv = (text: string) => ({ raw: text, headers: { 'content-type': 'text/csv; charset=utf-8' } });
const run = (body: string, dryRun = false) =>
  api.call('POST', `/api/v1/import-sources/${sourceId}/runs?dryRun=${dryRun}`, { token: world.tokens.admin, ...csv(body) });

describe('importing historical demands', () => {
  it('saves a source’s mapping, admins only', async () => {
    const body = { name: '旧12345系统', columns, defaults: { regionId: world.district.id, unitId: world.deptA.id } };
    expect((await api.call('POST', '/api/v1/import-sources', { token: world.tokens.operator, body })).status).toBe(403);
    const saved = await api.call('POST', '/api/v1/import-sources', { token: world.tokens.admin, body });
    expect(saved.status, saved.text).toBe(200);
    sourceId = saved.body.id;
  });

  it('reports row errors and unmatched names, and writes nothing', async () => {
    const file = [
      'id,title,time,body,reply,reply_time,unit',
      'H-1,路灯,2024-03-01 08:00,路灯不亮,已修复,2024-03-02 10:00,区住建局',
      'H-2,噪音,昨天,夜间施工噪音,,,',
      'H-1,重复,2024-03-01 09:00,重复编号,,,',
      'H-4,井盖,2024-03-05 09:00,井盖松动,已更换,2024-03-04 09:00,',
    ].join('\n');
    const report = await run(file, true);
    expect(report.status).toBe(422);
    expect(report.body.errors).toEqual([
      { row: 2, message: '承办单位“区住建局”未匹配' },
      { row: 3, message: '登记时间“昨天”无法识别' },
      { row: 4, message: '编号 H-1 在文件中重复' },
      { row: 5, message: '答复时间早于登记时间' },
    ]);
    expect(report.body.unmatched.units).toEqual({ 区住建局: 1 });
    // Not a dry run, still nothing: all or nothing.
    expect((await run(file)).status).toBe(422);
    expect((await api.call('GET', '/api/v1/demands?channel=import', { token: world.tokens.admin })).body.items).toEqual([]);
  });

  it('takes a name resolved by hand, imports with the original numbers and times, and skips them the second time', async () => {
    const body = {
      name: '旧12345系统',
      columns,
      defaults: { regionId: world.district.id, unitId: world.deptA.id },
      nameMaps: { units: { 区住建局: world.deptB.id } },
    };
    expect((await api.call('POST', '/api/v1/import-sources', { token: world.tokens.admin, body })).body.id).toBe(sourceId);
    const file = [
      'id,title,time,body,reply,reply_time,unit',
      'H-1,路灯,2024-03-01 08:00,路灯不亮,已修复,2024-03-02 10:00,区住建局',
      'H-2,噪音,2024-03-03 21:00,夜间施工噪音,,,',
    ].join('\n');
    const first = await run(file);
    expect(first.body).toMatchObject({ rows: 2, imported: 2, skipped: 0, errors: [] });
    const again = await run(file);
    expect(again.body).toMatchObject({ imported: 0, skipped: 2 });
    const list = (await api.call('GET', '/api/v1/demands?channel=import', { token: world.tokens.admin })).body.items;
    const h1 = list.find((d: { number: string }) => d.number === 'H-1');
    expect(h1).toMatchObject({ state: 'closed', externalRef: 'H-1', unit: { id: world.deptB.id }, createdAt: '2024-03-01T00:00:00.000Z' });
    expect(list.find((d: { number: string }) => d.number === 'H-2')).toMatchObject({ state: 'registered', unit: null });
    // A number the platform already uses for another demand is a clash, not a skip.
    const ours = (
      await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content: '路灯', reporterPhone: '13800000000', regionId: world.c1.id },
      })
    ).body.number;
    const clash = await run(['id,title,time,body,reply,reply_time,unit', `${ours},x,2024-03-01 08:00,x,,,`].join('\n'), true);
    expect(clash.body.errors[0].message).toContain('已被平台内其他诉求使用');
    expect(
      (
        await api.call('POST', `/api/v1/import-sources/${sourceId}/runs`, {
          token: world.tokens.admin,
          raw: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(415);
  });

  // 2,816 rows take ~30 s: the volume is proved once, on the embedded database; the server run keeps the small imports above.
  it.skipIf(!existsSync(repliesFile) || process.env.TINGJIAN_TEST_DB === 'postgres')(
    'imports replies.csv: searchable, counted in 三率 by original dates, and exported back unchanged',
    async () => {
      const text = readFileSync(repliesFile, 'utf8');
      const source = parseCsvObjects(text);
      const body = {
        name: '问政平台留言',
        columns: { number: 'id', title: 'title', content: 'body', createdAt: 'time', replyText: 'reply', repliedAt: 'reply_time' },
        defaults: { regionId: world.district.id, unitId: world.deptA.id },
      };
      const replies = (await api.call('POST', '/api/v1/import-sources', { token: world.tokens.admin, body })).body.id;
      const go = (dryRun: boolean) =>
        api.call('POST', `/api/v1/import-sources/${replies}/runs?dryRun=${dryRun}`, { token: world.tokens.admin, ...csv(text) });
      const dry = await go(true);
      expect(dry.body).toMatchObject({ rows: 2816, valid: 2816, imported: 0, errors: [] });
      const done = await go(false);
      expect(done.status, done.text.slice(0, 500)).toBe(200);
      expect(done.body).toMatchObject({ rows: 2816, imported: 2816 });

      const found = await api.call('GET', '/api/v1/demands?q=2549', { token: world.tokens.admin });
      expect(found.body.items[0]).toMatchObject({ number: '2549', title: source.find((r) => r.id === '2549')!.title });

      // 三率 of May 2019: every reply given that month (China time) is a closing credited to the default unit.
      const inMay = source.filter(
        (r) => r.reply && new Date(new Date(r.reply_time).getTime() + 8 * 3_600_000).toISOString().startsWith('2019-05'),
      ).length;
      expect(inMay).toBeGreaterThan(0);
      const rates = await api.call('GET', '/api/v1/rates?month=2019-05', { token: world.tokens.admin });
      expect(rates.body.units.find((u: { unitId: number }) => u.unitId === world.deptA.id).counts.closed).toBe(inMay);

      const exported = await api.call('GET', '/api/v1/demands?channel=import&format=csv', { token: world.tokens.admin });
      expect(exported.status).toBe(200);
      const back = new Map(parseCsvObjects(exported.text.replace(/^\uFEFF/, '')).map((r) => [r['编号'], r]));
      const same = (ours: string, theirs: string) => ours === theirs || ours === `'${theirs}`; // formula-neutralised cells
      let checked = 0;
      for (const r of source) {
        const e = back.get(r.id)!;
        expect(e, r.id).toBeTruthy();
        expect(same(e['标题'], r.title) && same(e['内容'], r.body) && same(e['答复'], r.reply), r.id).toBe(true);
        expect(parseTime(e['登记时间'])?.getTime(), r.id).toBe(new Date(r.time).getTime());
        checked++;
      }
      expect(checked).toBe(2816);
    },
    120_000,
  );
});
