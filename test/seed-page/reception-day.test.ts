// The seed page's commentary: at 上河湾社区's "社区书记工作室" the secretary and staff hold reception days,
// "摆桌子听意见": a worn running track, too few lamps in the park, red ants. Replayed through the HTTP API:
// the table takes each resident's issue (the tablet resends one), the issues become demands that units
// answer, the report goes public without names — and every step's actor is readable in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const at = (h: number) => new Date(worldStart.getTime() + h * 3_600_000).toISOString();

describe('居民接待日 (社区书记工作室)', () => {
  it('issues heard at the table become demands, are answered, and the report is published without names', async () => {
    const op = world.tokens.operator;
    const session = await api.call('POST', '/api/v1/reception-days', {
      token: op,
      body: {
        title: '社区书记工作室 · 摆桌子听意见',
        regionId: world.c1.id,
        hosts: '社区书记和社区工作人员',
        place: '社区广场',
        startsAt: at(-1),
        endsAt: at(2),
      },
    });
    expect(session.status).toBe(201);
    const sid = session.body.id;
    const heard = [
      { content: '塑胶跑道破损需要翻新', reporterName: '刘大爷', reporterPhone: '13800001111', categoryId: world.lights.id },
      { content: '公园里的路灯太少，晚上散步看不清', reporterName: '赵阿姨', reporterPhone: '13800002222', categoryId: world.lights.id },
      { content: '红蚂蚁需要治理，孩子被咬了', reporterContact: '网格员代为联系' },
    ];
    const ids: number[] = [];
    for (const [i, issue] of heard.entries()) {
      const body = { ...issue, type: 'suggestion', regionId: world.c1.id, idempotencyKey: `reception-${sid}-${i}-key` };
      const first = await api.call('POST', `/api/v1/reception-days/${sid}/entries`, { token: op, body });
      expect(first.status, first.text).toBe(201);
      ids.push(first.body.id);
      if (i === 1) {
        // The tablet lost the answer and sends again: the same demand, nothing new.
        const again = await api.call('POST', `/api/v1/reception-days/${sid}/entries`, { token: op, body });
        expect([again.status, again.body.id]).toEqual([200, first.body.id]);
      }
    }
    expect((await api.call('GET', `/api/v1/reception-days/${sid}/report`, { token: op })).body.counts).toEqual({
      raised: 3,
      answered: 0,
      closed: 0,
      open: 3,
    });

    // The track and the lamps go to the city management bureau (filed under its one category), the ants
    // to the township, filed by the dispatcher under landscaping.
    const all = (await api.call('GET', '/api/v1/categories', { token: op })).body.items as { id: number; fullName: string }[];
    const greenery = all.find((c) => c.fullName.endsWith('/园林绿化'))!.id;
    const steps = [
      { id: ids[0], unitId: world.deptA.id, handler: world.tokens.handlerA, reply: '跑道翻新已列入本月维修计划。' },
      { id: ids[1], unitId: world.deptA.id, handler: world.tokens.handlerA, reply: '公园新增路灯 12 盏，已安装完毕。' },
      { id: ids[2], unitId: world.t1Gov.id, handler: world.tokens.handlerT1, reply: '已请专业机构完成红火蚁防治。', categoryId: greenery },
    ];
    for (const s of steps) {
      const body = { unitId: s.unitId, ...(s.categoryId ? { categoryId: s.categoryId } : {}) };
      expect((await api.call('POST', `/api/v1/demands/${s.id}/dispatch`, { token: world.tokens.dispatcher, body })).status).toBe(200);
      expect((await api.call('POST', `/api/v1/demands/${s.id}/acknowledge`, { token: s.handler, body: {} })).status).toBe(200);
      expect((await api.call('POST', `/api/v1/demands/${s.id}/reply`, { token: s.handler, body: { reply: s.reply } })).status).toBe(200);
    }
    const report = await api.call('GET', `/api/v1/reception-days/${sid}/report`, { token: op });
    expect(report.body.counts).toEqual({ raised: 3, answered: 3, closed: 0, open: 3 });
    expect(report.body.items.map((i: { unit: string }) => i.unit).sort()).toEqual(['区城市管理局', '区城市管理局', '桂花坪街道办事处']);

    expect((await api.call('POST', `/api/v1/reception-days/${sid}/publish`, { token: op })).status).toBe(200);
    const published = await api.call('GET', `/api/v1/public/reception-days/${sid}/report`);
    expect(published.status).toBe(200);
    expect(published.body.counts).toEqual({ raised: 3, answered: 3, closed: 0, open: 3 });
    expect(published.text).not.toMatch(/刘大爷|赵阿姨|138000/);

    const trail = async (resource: string, resourceId: number) =>
      (
        (await api.call('GET', `/api/v1/audit-events?resource=${resource}&resourceId=${resourceId}`, { token: world.tokens.admin })).body
          .items as {
          action: string;
          actor: { name: string | null };
        }[]
      ).reverse();
    expect((await trail('reception_day', sid)).map((e) => [e.action, e.actor.name])).toEqual([
      ['schedule', '测试 operator'],
      ['record_entry', '测试 operator'],
      ['record_entry', '测试 operator'],
      ['record_entry', '测试 operator'],
      ['publish_report', '测试 operator'],
    ]);
    expect((await trail('demand', ids[2])).map((e) => [e.action, e.actor.name])).toEqual([
      ['register', '测试 operator'],
      ['dispatch', '测试 dispatcher'],
      ['acknowledge', '测试 handlerT1'],
      ['reply', '测试 handlerT1'],
    ]);
  });
});
