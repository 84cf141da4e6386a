import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldStart } from '../api-world.js';
import { openTestDatabase, type TestDatabase, testContext } from '../db.js';
import { startTestServer } from '../http.js';
import { buildWorld, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: Awaited<ReturnType<typeof startTestServer>>;

const lights = [
  '丽发新城3栋门口路灯不亮，晚上很黑',
  '桂花社区路灯坏了好几天没人修',
  '小区路灯一到晚上就不亮，老人出门摔倒',
  '路灯损坏，夜间出行不安全',
  '街边路灯不亮已经一个月',
  '滨河路路灯全部熄灭',
];
const water = ['小区突然停水没有通知', '自来水发黄有异味，不敢喝', '水压太低，楼上没水', '停水三天了什么时候恢复供水'];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  api = await startTestServer(testContext(database, worldStart).ctx);
  const route = async (content: string, categoryId: number, unitId: number, regionId = world.c2.id) => {
    const d = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content, reporterPhone: '13800000000', regionId, categoryId },
    });
    await api.call('POST', `/api/v1/demands/${d.body.id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId } });
    return d.body.id as number;
  };
  for (const t of lights) await route(t, world.lights.id, world.deptA.id);
  for (const t of water) await route(t, world.water.id, world.deptB.id);
});
afterAll(async () => {
  await api.close();
  await database.drop();
});

describe('suggestions for dispatchers', () => {
  it('proposes categories for words an operator is still typing (路灯 finds the public-facilities category)', async () => {
    const r = await api.call('GET', `/api/v1/text/categories?text=${encodeURIComponent('路灯不亮')}`, { token: world.tokens.operator });
    expect(r.status, r.text).toBe(200);
    expect(r.body.categories[0].categoryId).toBe(world.lights.id);
    expect((await api.call('GET', '/api/v1/text/categories?text=x', { token: world.tokens.operator })).status).toBe(400);
    expect((await api.call('GET', '/api/v1/text/categories?text=路灯不亮', { token: world.tokens.handlerA })).status).toBe(403);
  });

  it('suggests the category and the unit that handled such demands, with a reason and a model version', async () => {
    const d = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '我们小区门口的路灯不亮了，晚上黑漆漆的', reporterPhone: '13900000000', regionId: world.c1.id },
    });
    const s = await api.call('GET', `/api/v1/demands/${d.body.id}/suggestions`, { token: world.tokens.dispatcher });
    expect(s.status).toBe(200);
    expect(s.body.modelVersion).toMatch(/^lr-/);
    expect(s.body.categories).toHaveLength(3);
    expect(s.body.categories[0].categoryId).toBe(world.lights.id);
    const total = s.body.categories.reduce((a: number, c: { confidence: number }) => a + c.confidence, 0);
    expect(total).toBeLessThanOrEqual(1.0001);
    expect(s.body.units[0].unitId).toBe(world.deptA.id);
    expect(s.body.units[0].reason).toMatch(/此前派给该单位同类诉求 \d+ 件/);
    expect(s.body.units[0].because.dispatched).toBeGreaterThan(0);
    const water = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '家里停水了，自来水什么时候恢复', reporterPhone: '13900000001', regionId: world.c1.id },
    });
    const w = await api.call('GET', `/api/v1/demands/${water.body.id}/suggestions`, { token: world.tokens.dispatcher });
    expect(w.body.categories[0].categoryId).toBe(world.water.id);
    expect(w.body.units[0].unitId).toBe(world.deptB.id);
  });

  it('offers open near-duplicates in the same township for merging, not elsewhere', async () => {
    const text = '桂花社区菜市场门口下水道堵塞，污水横流，臭气熏天';
    const first = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: text, reporterPhone: '13700000000', regionId: world.c2.id },
    });
    const other = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: text, reporterPhone: '13700000009', regionId: world.c3.id },
    });
    const again = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '桂花社区菜市场门口下水道又堵了，污水横流，很臭', reporterPhone: '13700000001', regionId: world.c1.id },
    });
    const s = await api.call('GET', `/api/v1/demands/${again.body.id}/suggestions`, { token: world.tokens.dispatcher });
    const ids = s.body.duplicates.map((x: { id: number }) => x.id);
    expect(ids).toContain(first.body.id);
    expect(ids).not.toContain(other.body.id); // another township
    expect(s.body.duplicates[0].similarity).toBeGreaterThan(0.4);
    await api.call('POST', `/api/v1/demands/${first.body.id}/decline`, { token: world.tokens.dispatcher, body: { reason: '测试' } });
    const after = await api.call('GET', `/api/v1/demands/${again.body.id}/suggestions`, { token: world.tokens.dispatcher });
    expect(after.body.duplicates.map((x: { id: number }) => x.id)).not.toContain(first.body.id); // no longer open
  });

  it('hides suggestions of a demand the caller may not see', async () => {
    const d = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '测试', reporterPhone: '13900000002', regionId: world.c1.id },
    });
    expect((await api.call('GET', `/api/v1/demands/${d.body.id}/suggestions`, { token: world.tokens.handlerB })).status).toBe(404);
  });

  it('lists topics (一类事) among recent demands, hottest first, as stored by the last refresh', async () => {
    const before = await api.call('GET', '/api/v1/topics', { token: world.tokens.supervisor });
    expect(before.body).toEqual({ items: [], computedAt: null, mayRefresh: true });
    expect((await api.call('POST', '/api/v1/topics/refresh', { token: world.tokens.operator })).status).toBe(403);
    const refreshed = await api.call('POST', '/api/v1/topics/refresh', { token: world.tokens.supervisor });
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.body.demands).toBeGreaterThan(3);
    const t = await api.call('GET', '/api/v1/topics', { token: world.tokens.supervisor });
    expect(t.body.computedAt).toBe(refreshed.body.computedAt);
    expect(t.status).toBe(200);
    // The blocked drain near the 桂花社区 market was reported three times by three residents.
    const drain = t.body.items.find((x: { keywords: string[] }) => x.keywords.includes('下水道'));
    expect(drain).toBeTruthy();
    expect(drain.size).toBe(3);
    expect(drain.reporters).toBe(3);
    expect(drain.label).toContain('菜市场');
    expect(t.body.items[0].heat).toBeGreaterThanOrEqual(t.body.items.at(-1).heat);
    expect((await api.call('GET', '/api/v1/topics', { token: world.tokens.handlerA })).body.items).toEqual([]);
  });
});

describe('automatic dispatch', () => {
  it('dispatches in the system’s name only above the confidence an admin sets', async () => {
    const off = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '桂花社区路灯不亮，晚上很黑', reporterPhone: '13900000005', regionId: world.c2.id },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await api.call('GET', `/api/v1/demands/${off.body.id}`, { token: world.tokens.operator })).body.state).toBe('registered');

    expect(
      (await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'text.autoDispatchConfidence': 0.2 } })).status,
    ).toBe(200);
    const on = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '小区路灯坏了不亮，夜里出行不安全', reporterPhone: '13900000006', regionId: world.c2.id },
    });
    let detail = await api.call('GET', `/api/v1/demands/${on.body.id}`, { token: world.tokens.operator });
    for (let i = 0; i < 50 && detail.body.state === 'registered'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      detail = await api.call('GET', `/api/v1/demands/${on.body.id}`, { token: world.tokens.operator });
    }
    expect(detail.body.state).toBe('dispatched');
    expect(detail.body.unit.id).toBe(world.deptA.id);
    const event = detail.body.events.find((e: { action: string }) => e.action === 'dispatch');
    expect(event.actor.kind).toBe('system');
    expect(event.reason).toMatch(/自动派单/);

    await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'text.autoDispatchConfidence': 0.999 } });
    const low = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '咨询一下办事流程', reporterPhone: '13900000007', regionId: world.c2.id },
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await api.call('GET', `/api/v1/demands/${low.body.id}`, { token: world.tokens.operator })).body.state).toBe('registered');
  });
});
