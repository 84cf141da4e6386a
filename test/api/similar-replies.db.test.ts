import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

type Unit = 'deptA' | 'deptB';
const handlerOf = { deptA: 'handlerA', deptB: 'handlerB' } as const;

async function register(content: string): Promise<number> {
  const r = await api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content, reporterPhone: '13800000000', regionId: world.c1.id },
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id;
}

/** A demand dispatched to a unit, acknowledged and replied to by its handler. */
async function answered(content: string, unit: Unit, reply: string): Promise<number> {
  const id = await register(content);
  const token = world.tokens[handlerOf[unit]];
  for (const [path, body, who] of [
    ['dispatch', { unitId: world[unit].id }, world.tokens.dispatcher],
    ['acknowledge', {}, token],
    ['reply', { reply }, token],
  ] as const) {
    const r = await api.call('POST', `/api/v1/demands/${id}/${path}`, { token: who, body });
    expect(r.status, `${path}: ${r.text}`).toBe(200);
  }
  return id;
}

const similar = (id: number, token: string) => api.call('GET', `/api/v1/demands/${id}/similar-replies`, { token });

describe('类案答复: replies already given to the most similar answered demands', () => {
  let lamp: number;
  let water: number;

  it('puts the reply to the same matter first, with its number, unit, date and a score', async () => {
    lamp = await answered(
      '丽发新城小区门口的路灯坏了，晚上不亮，走路很危险',
      'deptA',
      '经区城市管理局核实，路灯线路老化，已于次日更换灯具并恢复照明。',
    );
    water = await answered('桂花社区3号楼停水两天了，自来水一直没有来', 'deptB', '区自来水公司已抢修破损管道，当日恢复供水。');
    await answered('小区广场舞噪音太大，晚上十点还在跳', 'deptA', '已协调社区与舞队约定活动时间，晚九点前结束。');
    await register('菜市场门口的路灯不亮好几天了'); // open, not answered: never a suggestion

    const fresh = await register('我家楼下那条路的路灯坏了好多天了，晚上一片漆黑');
    const r = await similar(fresh, world.tokens.operator);
    expect(r.status, r.text).toBe(200);
    const [top] = r.body.items;
    expect(top).toMatchObject({ id: lamp, unitName: '区城市管理局', replyText: expect.stringContaining('更换灯具') });
    expect(top.number).toMatch(/\d/);
    expect(top.repliedAt).toBeTruthy();
    expect(top.similarity).toBeGreaterThan(0);
    expect(r.body.items.map((i: { id: number }) => i.id)).not.toContain(water);
    expect(r.body.items.map((i: { id: number }) => i.id)).not.toContain(fresh);

    // The intake form asks with the text being typed.
    const typed = await api.call('GET', `/api/v1/similar-replies?q=${encodeURIComponent('3号楼停水了，自来水没了')}`, {
      token: world.tokens.operator,
    });
    expect(typed.status, typed.text).toBe(200);
    expect(typed.body.items[0].id).toBe(water);
  });

  it('gives no caller a reply to a demand they may not see', async () => {
    // A handler of the water company sees its own unit's demands only: not the street-lamp reply.
    const own = await answered('路灯坏了不亮，另外楼里停水了', 'deptB', '供水已恢复，路灯问题请向城市管理部门反映。');
    const r = await api.call('GET', `/api/v1/similar-replies?q=${encodeURIComponent('路灯坏了晚上不亮')}`, {
      token: world.tokens.handlerB,
    });
    expect(r.status, r.text).toBe(200);
    const ids = r.body.items.map((i: { id: number }) => i.id);
    expect(ids).not.toContain(lamp);
    expect(ids).toContain(own);
    // An operator of another township sees none of these (all in township T1).
    const other = await api.call('GET', `/api/v1/similar-replies?q=${encodeURIComponent('路灯坏了晚上不亮')}`, {
      token: world.tokens.operatorT2,
    });
    expect(other.body.items).toEqual([]);
    // And a demand the caller may not see is 404, not its neighbours.
    expect((await similar(lamp, world.tokens.operatorT2)).status).toBe(404);
  });
});
