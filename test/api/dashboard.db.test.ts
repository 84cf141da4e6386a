// 一屏 through the API: the figures in the caller's scope, counted at most every 30 seconds for the
// same grants, so that a district's leaders opening it together cost one count.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import { compactDemandCounts, countersByGroup } from '../../src/modules/dashboard/index.js';
import { refreshRateRollups } from '../../src/modules/rates/index.js';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2026-11-23T09:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
});
afterAll(() => tearDownApiWorld({ database, api }));

const intake = async () => {
  const r = await api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content: '路灯不亮', reporterPhone: '13800001111', regionId: world.c1.id, categoryId: world.lights.id },
  });
  expect(r.status, r.text).toBe(201);
};
const dash = async () => (await api.call('GET', '/api/v1/dashboard', { token: world.tokens.supervisor })).body;
const registered = (d: { open: { state: string; count: number }[] }) => d.open.find((s) => s.state === 'registered')?.count ?? 0;
/** A count newer than this moment: past the 30 s, the recount waited for. */
const fresh = async () => {
  t.advanceHours(31 / 3600);
  let d = await dash();
  for (let i = 0; i < 100 && d.computedAt !== t.ctx.now().toISOString(); i++) {
    await new Promise((r) => setTimeout(r, 50));
    d = await dash();
  }
  expect(d.computedAt).toBe(t.ctx.now().toISOString());
  return d;
};

describe('the dashboard', () => {
  it('shows the same count for 30 seconds, says when it was counted, then counts again while still showing it', async () => {
    await intake();
    const first = await dash();
    expect(registered(first)).toBe(1);
    expect(first.computedAt).toBe(t.ctx.now().toISOString());
    await intake();
    t.advanceHours(10 / 3600);
    const again = await dash();
    expect(again.computedAt).toBe(first.computedAt);
    expect(registered(again)).toBe(1);
    t.advanceHours(30 / 3600);
    // Past 30 s: the last count is shown at once while a new one runs, then the new one.
    const meanwhile = await dash();
    expect(meanwhile.computedAt).toBe(first.computedAt);
    let later = await dash();
    for (let i = 0; i < 100 && later.computedAt === first.computedAt; i++) {
      await new Promise((r) => setTimeout(r, 50));
      later = await dash();
    }
    expect(later.computedAt).toBe(t.ctx.now().toISOString());
    expect(registered(later)).toBe(2);
    // Another scope is its own count: a handler's unit holds none of them.
    const handler = (await api.call('GET', '/api/v1/dashboard', { token: world.tokens.handlerA })).body;
    expect(registered(handler)).toBe(0);
  });

  it('counts satisfaction over every callback for the district, over its own demands for a unit', async () => {
    const id = (
      await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content: '楼道灯坏了', reporterPhone: '13800001111', regionId: world.c1.id, categoryId: world.lights.id },
      })
    ).body.id;
    for (const [who, verb, body] of [
      ['dispatcher', 'dispatch', { unitId: world.deptA.id }],
      ['handlerA', 'acknowledge', {}],
      ['handlerA', 'reply', { reply: '已修好' }],
      ['operator', 'callback', { satisfaction: 'satisfied', solved: true }],
    ] as const) {
      const r = await api.call('POST', `/api/v1/demands/${id}/${verb}`, { token: world.tokens[who], body });
      expect(r.status, `${verb}: ${r.text}`).toBe(200);
    }
    t.advanceHours(1);
    const month = (d: { satisfaction: { month: string; calledBack: number }[] }) => d.satisfaction.find((m) => m.month === '2026-11');
    expect(month(await dash())).toMatchObject({ calledBack: 1, rate: 1 });
    const handlerA = (await api.call('GET', '/api/v1/dashboard', { token: world.tokens.handlerA })).body;
    expect(month(handlerA)).toMatchObject({ calledBack: 1 });
    const handlerB = (await api.call('GET', '/api/v1/dashboard', { token: world.tokens.handlerB })).body;
    expect(month(handlerB)).toBeUndefined();
  });

  it('counts the whole district from 三率’s daily rollups, the desk’s own answers live', async () => {
    const id = (
      await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { type: 'consultation', content: '咨询：社保卡怎么补办', reporterPhone: '13800002222', regionId: world.c1.id },
      })
    ).body.id;
    for (const [verb, body] of [
      ['answer', { reply: '携带身份证到社区服务中心办理' }],
      ['callback', { satisfaction: 'unsatisfied', solved: false }],
    ] as const) {
      const r = await api.call('POST', `/api/v1/demands/${id}/${verb}`, { token: world.tokens.operator, body });
      expect(r.status, `${verb}: ${r.text}`).toBe(200);
    }
    const november = async () => (await fresh()).satisfaction.find((m: { month: string }) => m.month === '2026-11');
    expect(await november()).toMatchObject({ calledBack: 2, rate: 0.5 });
    // The next day the 23rd is rolled up: the same figure, now read from the rollup.
    t.advanceHours(24);
    expect((await refreshRateRollups(t.ctx)).days).toBeGreaterThan(0);
    expect(await november()).toMatchObject({ calledBack: 2, rate: 0.5 });
    // A figure altered in the rollup shows through: the district's count comes from there.
    await t.ctx.db.execute(sql`update rate_rollups set called_back = called_back + 2 where day = '2026-11-23'`);
    expect(await november()).toMatchObject({ calledBack: 4, rate: 0.25 });
  });

  it('keeps its counters equal to counting the demands, through every change and a compaction', async () => {
    const counted = () =>
      queryRows(
        t.ctx.db,
        sql`select region_id, tingjian_local_day(created_at)::text as day, channel, state, count(*)::int as n
              from demands group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
      );
    const id = (
      await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content: '桂花社区垃圾没人清运', reporterPhone: '13800003333', regionId: world.c2.id },
      })
    ).body.id;
    const withdrawn = await api.call('POST', `/api/v1/demands/${id}/withdraw`, {
      token: world.tokens.operator,
      body: { reason: '已自行解决' },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(await countersByGroup(t.ctx.db)).toEqual(await counted());
    // Only the rows of groups written more than once move.
    const [split] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select coalesce(sum(k), 0)::int as n from (select count(*) as k from demand_day_counts group by region_id, day, channel, state having count(*) > 1) g`,
    );
    expect(split.n).toBeGreaterThan(0);
    const { rows } = await compactDemandCounts(t.ctx);
    expect(rows).toBe(split.n);
    expect(await countersByGroup(t.ctx.db)).toEqual(await counted());
    // One row per group left, and a second compaction has nothing to rewrite.
    const [{ n }] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from demand_day_counts`);
    expect(n).toBe((await counted()).length);
    expect((await compactDemandCounts(t.ctx)).rows).toBe(0);
    expect(await countersByGroup(t.ctx.db)).toEqual(await counted());
  });

  it('reads a district’s figures from the counters', async () => {
    const shown = await fresh();
    await t.ctx.db.execute(
      sql`insert into demand_day_counts (region_id, day, channel, state, n) values (${world.c1.id}, tingjian_local_day(${t.ctx.now().toISOString()}::timestamptz), 'hotline', 'registered', 5)`,
    );
    const after = await fresh();
    expect(registered(after)).toBe(registered(shown) + 5);
    expect(after.month.registered).toBe(shown.month.registered + 5);
    expect(after.places.find((p: { regionId: number }) => p.regionId === world.c1.id).count).toBe(
      shown.places.find((p: { regionId: number }) => p.regionId === world.c1.id).count + 5,
    );
  });
  it('names the units with work past its step’s deadline, most first', async () => {
    const id = (
      await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content: '井盖松动', reporterPhone: '13800001111', regionId: world.c1.id, categoryId: world.lights.id },
      })
    ).body.id;
    expect(
      (await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptB.id } }))
        .status,
    ).toBe(200);
    t.advanceHours(72);
    const late = (await fresh()).overdueByUnit as { unitId: number; name: string; count: number }[];
    expect(late.find((u) => u.unitId === world.deptB.id)).toMatchObject({ name: world.deptB.name, count: 1 });
  });
});
