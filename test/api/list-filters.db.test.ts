// A supervisor's "overdue by more than N days", and the list's other filters, through the API.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import { visibleDemands } from '../../src/modules/demands/queries/scope.js';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;
const made: string[] = [];

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2026-11-02T09:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
});
afterAll(() => tearDownApiWorld({ database, api }));

const intake = async (content: string, channel = 'hotline') => {
  const r = await api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content, channel, reporterPhone: '13800001111', regionId: world.c1.id, categoryId: world.lights.id },
  });
  expect(r.status, r.text).toBe(201);
  made.push(r.body.number);
};
const numbers = async (query: string) =>
  (await api.call('GET', `/api/v1/demands?${query}`, { token: world.tokens.supervisor })).body.items
    .map((d: { number: string }) => d.number)
    .sort();

describe('list filters', () => {
  it('finds demands overdue by more than N days, and by channel and registration date', async () => {
    await intake('路灯不亮');
    await intake('井盖松动', 'walk_in');
    t.advanceHours(24 * 10);
    await intake('噪音扰民');
    expect(await numbers('overdue=true')).toEqual(made.slice(0, 2).sort());
    expect(await numbers('overdueDays=3')).toEqual(made.slice(0, 2).sort());
    expect(await numbers('overdueDays=30')).toEqual([]);
    expect(await numbers('channel=walk_in')).toEqual([made[1]]);
    expect(await numbers(`from=${encodeURIComponent('2026-11-10T00:00:00+08:00')}`)).toEqual([made[2]]);
    const bad = await api.call('GET', '/api/v1/demands?overdueDays=0', { token: world.tokens.supervisor });
    expect(bad.status).toBe(400);
  });
});

describe('list totals', () => {
  it('count exactly up to the cap and say "or more" past it, in the caller’s scope', async () => {
    const { listDemands } = await import('../../src/modules/demands/queries/list-demands.js');
    const filter = { page: 1, pageSize: 2, sort: 'newest', format: 'json' } as const;
    const all = await listDemands(database.db, world.actors.supervisor, filter, t.ctx.now());
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const capped = await listDemands(database.db, world.actors.supervisor, filter, t.ctx.now(), 2);
    expect(capped).toMatchObject({ total: 2, totalCapped: true });
    expect(capped.items).toHaveLength(2);
    const exact = await listDemands(database.db, world.actors.supervisor, filter, t.ctx.now(), all.total);
    expect(exact).toMatchObject({ total: all.total, totalCapped: false });
    const viaApi = await api.call('GET', '/api/v1/demands?pageSize=1', { token: world.tokens.supervisor });
    expect(viaApi.body).toMatchObject({ total: all.total, totalCapped: false });
  });
});

describe('a unit’s whole work (a handler’s 全部)', () => {
  it('counts from the unit’s ids the same as over the demands: held, once held, asked to take', async () => {
    const { countUpTo, listDemands } = await import('../../src/modules/demands/queries/list-demands.js');
    const { visibleDemands } = await import('../../src/modules/demands/queries/scope.js');
    const { dispatchDemand, returnDemand, intakeByChannel, intakeAndClosedSince } = await import('../../src/modules/demands/index.js');
    const { queryRows } = await import('../../src/db/rows.js');
    const { sql } = await import('drizzle-orm');
    const { requestTransfer } = await import('../../src/modules/demands/actions/transfer-demand.js');
    const { perform } = await import('../../src/kernel/index.js');
    const ids: number[] = [];
    for (const content of ['路灯一直不亮', '路灯忽明忽暗', '路灯杆歪了']) {
      const r = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content, channel: 'hotline', reporterPhone: '13800002222', regionId: world.c1.id, categoryId: world.lights.id },
      });
      expect(r.status, r.text).toBe(201);
      ids.push(r.body.id);
      await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: r.body.id, unitId: world.deptA.id });
    }
    await perform(t.ctx, world.actors.handlerA, returnDemand, { demandId: ids[1], reason: '不属于本单位职责' });
    await perform(t.ctx, world.actors.handlerA, requestTransfer, { demandId: ids[2], toUnitId: world.deptB.id, reason: '属供水管线' });
    const filter = { page: 1, pageSize: 20, sort: 'newest', format: 'json' } as const;
    for (const [who, expected] of [
      ['handlerA', 3],
      ['handlerB', 1],
    ] as const) {
      const actor = world.actors[who];
      const listed = await listDemands(database.db, actor, filter, t.ctx.now());
      expect(listed.total, who).toBe(await countUpTo(database.db, visibleDemands(actor), 10_000));
      expect(listed.items.filter((d) => ids.includes(d.id)).length, who).toBe(expected);
      expect(await listDemands(database.db, actor, filter, t.ctx.now(), 0), who).toMatchObject({ total: 0, totalCapped: listed.total > 0 });
      // 一屏's intake figures read the unit's rows of the period: the same as testing every demand's visibility.
      const since = new Date(t.ctx.now().getTime() - 3_600_000);
      const generic = await queryRows<{ channel: string; n: number }>(
        database.db,
        sql`select channel, count(*)::int as n from demands where created_at >= ${since.toISOString()}::timestamptz and ${visibleDemands(actor)}
             group by 1 order by 2 desc, 1`,
      );
      const figure = await intakeByChannel(database.db, actor, since);
      expect(
        figure.map((r) => ({ channel: r.channel, n: Number(r.n) })),
        who,
      ).toEqual(generic);
      expect(Number((await intakeAndClosedSince(database.db, actor, since)).total), who).toBe(generic.reduce((n, r) => n + r.n, 0));
    }
  });
});

describe('keyset paging', () => {
  it('walks every sort page by page from each nextCursor, in the order of the whole list', async () => {
    for (let i = 0; i < 4; i++) {
      t.advanceHours(1);
      await intake(`第${i}号楼前垃圾没人清运`);
    }
    const get = (query: string) => api.call('GET', `/api/v1/demands?${query}`, { token: world.tokens.supervisor });
    for (const sort of ['newest', 'oldest', 'due']) {
      const whole = (await get(`sort=${sort}&pageSize=100`)).body.items.map((d: { id: number }) => d.id);
      expect(whole.length).toBeGreaterThan(4);
      const walked: number[] = [];
      let after = '';
      for (let n = 0; n < 20; n++) {
        const page = await get(`sort=${sort}&pageSize=2${after ? `&after=${after}` : ''}`);
        expect(page.status, page.text).toBe(200);
        walked.push(...page.body.items.map((d: { id: number }) => d.id));
        if (!page.body.nextCursor) break;
        after = page.body.nextCursor;
      }
      expect(walked, sort).toEqual(whole);
    }
    const bad = await get('after=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('翻页位置无效');
  });
});

describe('a handler’s 全部', () => {
  it('pages the unit’s whole work by number and by cursor, newest and oldest first, as its scope reads it', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.advanceHours(1);
      const r = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: {
          content: `第${i}盏路灯不亮`,
          channel: 'hotline',
          reporterPhone: '13800001111',
          regionId: world.c1.id,
          categoryId: world.lights.id,
        },
      });
      expect(r.status, r.text).toBe(201);
      ids.push(r.body.id);
    }
    // Every other one goes to 区城市管理局; the rest wait, newer than some of its work.
    for (const id of [ids[0], ids[2], ids[4]]) {
      const r = await api.call('POST', `/api/v1/demands/${id}/dispatch`, {
        token: world.tokens.dispatcher,
        body: { unitId: world.deptA.id },
      });
      expect(r.status, r.text).toBe(200);
    }
    const actor = world.actors.handlerA;
    const scoped = await queryRows<{ id: number }>(
      database.db,
      sql`select id from demands where ${visibleDemands(actor)} order by id desc`,
    );
    const expected = scoped.map((r) => Number(r.id));
    expect(expected).toEqual(expect.arrayContaining([ids[0], ids[2], ids[4]]));
    expect(expected).not.toContain(ids[1]);
    const get = (query: string) => api.call('GET', `/api/v1/demands?${query}`, { token: world.tokens.handlerA });
    for (const sort of ['newest', 'oldest']) {
      const whole = sort === 'newest' ? expected : [...expected].reverse();
      const first = await get(`sort=${sort}&pageSize=100`);
      expect(
        first.body.items.map((d: { id: number }) => d.id),
        sort,
      ).toEqual(whole);
      expect(first.body.total).toBe(whole.length);
      const byNumber: number[] = [];
      const byCursor: number[] = [];
      let after = '';
      for (let page = 1; page <= whole.length; page++) {
        byNumber.push(...(await get(`sort=${sort}&pageSize=1&page=${page}`)).body.items.map((d: { id: number }) => d.id));
        const next = await get(`sort=${sort}&pageSize=1${after ? `&after=${after}` : ''}`);
        byCursor.push(...next.body.items.map((d: { id: number }) => d.id));
        after = next.body.nextCursor ?? '';
      }
      expect(byNumber, sort).toEqual(whole);
      expect(byCursor, sort).toEqual(whole);
    }
  });
});

describe('the public answered list', () => {
  it('pages by nextCursor, newest reply first, the same as one long page', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { type: 'consultation', content: `第${i}个问题：高龄津贴怎么领`, reporterPhone: '13800001111', regionId: world.c1.id },
      });
      expect(r.status, r.text).toBe(201);
      t.advanceHours(1);
      const a = await api.call('POST', `/api/v1/demands/${r.body.id}/answer`, {
        token: world.tokens.operator,
        body: { reply: '持身份证到社区办理' },
      });
      expect(a.status, a.text).toBe(200);
    }
    const whole = (await api.call('GET', '/api/v1/public/demands?pageSize=50')).body.items.map((d: { number: string }) => d.number);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    const walked: string[] = [];
    let after = '';
    for (let n = 0; n < 20; n++) {
      const page = await api.call('GET', `/api/v1/public/demands?pageSize=2${after ? `&after=${after}` : ''}`);
      expect(page.status, page.text).toBe(200);
      walked.push(...page.body.items.map((d: { number: string }) => d.number));
      if (!page.body.nextCursor) break;
      after = page.body.nextCursor;
    }
    expect(walked).toEqual(whole);
  });
});
