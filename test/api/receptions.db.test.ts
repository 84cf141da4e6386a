import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const soon = (h: number) => new Date(worldStart.getTime() + h * 3_600_000).toISOString();

describe('接待日 (摆桌子听意见)', () => {
  it('schedules a session, takes entries exactly once, reports and publishes without names', async () => {
    const bad = await api.call('POST', '/api/v1/reception-days', {
      token: world.tokens.operator,
      body: { title: 'x', regionId: world.c1.id, hosts: '书记', place: '社区', startsAt: soon(3), endsAt: soon(2) },
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await api.call('POST', '/api/v1/reception-days', {
          token: world.tokens.handlerA,
          body: { title: 'x', regionId: world.c1.id, hosts: 'a', place: 'b', startsAt: soon(1), endsAt: soon(2) },
        })
      ).status,
    ).toBe(403);
    const created = await api.call('POST', '/api/v1/reception-days', {
      token: world.tokens.operator,
      body: {
        title: '丽发新城社区书记工作室接待日',
        regionId: world.c1.id,
        hosts: '社区书记 王芳',
        place: '丽发新城社区党群服务中心',
        startsAt: soon(1),
        endsAt: soon(3),
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const upcoming = await api.call('GET', '/api/v1/public/reception-days');
    expect(upcoming.body.items.map((s: { id: number }) => s.id)).toContain(id);

    const entries = [
      { content: '塑胶跑道破损需要翻新，联系我 13812345678', reporterName: '张阿姨', reporterPhone: '13812345678' },
      { content: '公园里的路灯太少', reporterContact: '由网格员转达' },
      { content: '绿化带有红蚂蚁需要治理', reporterPhone: '13900001111' },
    ];
    for (const [i, e] of entries.entries()) {
      const body = { ...e, regionId: world.c1.id, idempotencyKey: `table-${id}-${i}-abcdef` };
      const first = await api.call('POST', `/api/v1/reception-days/${id}/entries`, { token: world.tokens.operator, body });
      expect(first.status).toBe(201);
      const again = await api.call('POST', `/api/v1/reception-days/${id}/entries`, { token: world.tokens.operator, body });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
    }
    const report = await api.call('GET', `/api/v1/reception-days/${id}/report`, { token: world.tokens.operator });
    expect(report.body.counts).toEqual({ raised: 3, answered: 0, closed: 0, open: 3 });
    expect(report.body.allClosed).toBe(false);
    const demand = await api.call('GET', `/api/v1/demands?q=${encodeURIComponent('塑胶跑道')}`, { token: world.tokens.operator });
    expect(demand.body.items[0].channel).toBe('reception_day');

    expect((await api.call('GET', `/api/v1/public/reception-days/${id}/report`)).status).toBe(404);
    expect((await api.call('POST', `/api/v1/reception-days/${id}/publish`, { token: world.tokens.operator })).status).toBe(200);
    const pub = await api.call('GET', `/api/v1/public/reception-days/${id}/report`);
    expect(pub.status).toBe(200);
    expect(pub.body.items).toHaveLength(3);
    expect(JSON.stringify(pub.body)).not.toContain('张阿姨');
    expect(JSON.stringify(pub.body)).not.toContain('13812345678');
  });

  it('rejects an entry without an idempotency key, writing nothing', async () => {
    const s = await api.call('GET', '/api/v1/reception-days', { token: world.tokens.operator });
    const id = s.body.items[0].id;
    const r = await api.call('POST', `/api/v1/reception-days/${id}/entries`, {
      token: world.tokens.operator,
      body: { content: 'x', reporterPhone: '13800000000', regionId: world.c1.id },
    });
    expect(r.status).toBe(400);
    const report = await api.call('GET', `/api/v1/reception-days/${id}/report`, { token: world.tokens.operator });
    expect(report.body.counts.raised).toBe(3);
  });

  it('follows each item’s demand state until every item is closed', async () => {
    const op = world.tokens.operator;
    const created = await api.call('POST', '/api/v1/reception-days', {
      token: op,
      body: {
        title: '跟进测试接待日',
        regionId: world.c1.id,
        hosts: '社区书记',
        place: '党群服务中心',
        startsAt: soon(1),
        endsAt: soon(2),
      },
    });
    const id = created.body.id;
    const ids: number[] = [];
    for (const [i, content] of ['路灯不亮', '楼道灯坏了'].entries()) {
      const r = await api.call('POST', `/api/v1/reception-days/${id}/entries`, {
        token: op,
        body: {
          content,
          reporterPhone: '13900004444',
          regionId: world.c1.id,
          categoryId: world.lights.id,
          idempotencyKey: `follow-${id}-${i}-abcdef`,
        },
      });
      ids.push(r.body.id);
    }
    const step = async (token: string, verb: string, body: object) =>
      expect((await api.call('POST', `/api/v1/demands/${ids[0]}/${verb}`, { token, body })).status).toBe(200);
    await step(world.tokens.dispatcher, 'dispatch', { unitId: world.deptA.id });
    await step(world.tokens.handlerA, 'acknowledge', {});
    await step(world.tokens.handlerA, 'reply', { reply: '已更换灯泡' });
    await step(op, 'callback', { satisfaction: 'satisfied', solved: true });
    await step(op, 'close', {});

    const report = await api.call('GET', `/api/v1/reception-days/${id}/report`, { token: op });
    expect(report.body.items.map((i: { demandId: number; state: string; open: boolean }) => [i.demandId, i.state, i.open])).toEqual([
      [ids[0], 'closed', false],
      [ids[1], 'registered', true],
    ]);
    expect(report.body).toMatchObject({ counts: { raised: 2, closed: 1, open: 1 }, allClosed: false });
    const listed = async () =>
      (await api.call('GET', '/api/v1/reception-days', { token: op })).body.items.find((s: { id: number }) => s.id === id);
    expect((await listed()).followUp).toEqual({ raised: 2, open: 1 });

    expect((await api.call('POST', `/api/v1/demands/${ids[1]}/withdraw`, { token: op, body: { reason: '居民已自行解决' } })).status).toBe(
      200,
    );
    const done = await api.call('GET', `/api/v1/reception-days/${id}/report`, { token: op });
    expect(done.body).toMatchObject({ counts: { raised: 2, open: 0 }, allClosed: true });
    expect((await listed()).followUp).toEqual({ raised: 2, open: 0 });
    // The public copy links to no demand.
    await api.call('POST', `/api/v1/reception-days/${id}/publish`, { token: op });
    const pub = await api.call('GET', `/api/v1/public/reception-days/${id}/report`);
    expect(pub.body.items.every((i: { demandId: number | null }) => i.demandId === null)).toBe(true);
  });
});
