import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const intake = async (content: string) =>
  (
    await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content, reporterPhone: '13800000000', regionId: world.c1.id },
    })
  ).body.id as number;

describe('治理专项: one collective answer for a class of demands', () => {
  it('promotes demands to an initiative and answers them all, each keeping its own callback', async () => {
    const fresh = await intake('丽发新城路灯不亮');
    const withA = await intake('丽发新城路灯又坏了');
    const withB = await intake('丽发新城路灯不亮，停水');
    await api.call('POST', `/api/v1/demands/${withA}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await api.call('POST', `/api/v1/demands/${withB}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptB.id } });
    const body = { title: '丽发新城路灯整治', topicLabel: '丽发新城 · 路灯不亮', unitId: world.deptA.id, demandIds: [fresh, withA, withB] };
    expect((await api.call('POST', '/api/v1/initiatives', { token: world.tokens.operator, body })).status).toBe(403);
    const created = await api.call('POST', '/api/v1/initiatives', { token: world.tokens.supervisor, body });
    expect(created.status).toBe(201);
    expect(created.body.demandIds.sort()).toEqual([fresh, withA, withB].sort());
    const id = created.body.id;
    expect(
      (await api.call('POST', `/api/v1/initiatives/${id}/answer`, { token: world.tokens.handlerB, body: { answer: 'x' } })).status,
    ).toBe(404);
    const answered = await api.call('POST', `/api/v1/initiatives/${id}/answer`, {
      token: world.tokens.handlerA,
      body: { answer: '全小区路灯已统一更换为新灯具。' },
    });
    expect(answered.status).toBe(200);
    const outcome = Object.fromEntries(answered.body.results.map((r: { demandId: number; outcome: string }) => [r.demandId, r.outcome]));
    expect(outcome).toEqual({ [fresh]: 'replied', [withA]: 'replied', [withB]: 'skipped' });
    for (const d of [fresh, withA]) {
      const detail = await api.call('GET', `/api/v1/demands/${d}`, { token: world.tokens.supervisor });
      expect(detail.body.state).toBe('replied');
      expect(detail.body.replyText).toBe('全小区路灯已统一更换为新灯具。');
      expect(detail.body.unit.id).toBe(world.deptA.id);
    }
    const cb = await api.call('POST', `/api/v1/demands/${fresh}/callback`, {
      token: world.tokens.operator,
      body: { satisfaction: 'satisfied', solved: true },
    });
    expect(cb.body.state).toBe('callback_done');
    expect((await api.call('GET', `/api/v1/demands/${withA}`, { token: world.tokens.operator })).body.state).toBe('replied');
    const list = await api.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor });
    expect(list.body.items[0]).toMatchObject({ id, status: 'answered' });
  });

  it('refuses demands outside the supervisor’s reach, writing nothing', async () => {
    const r = await api.call('POST', '/api/v1/initiatives', {
      token: world.tokens.supervisor,
      body: { title: 't', unitId: world.deptA.id, demandIds: [999999] },
    });
    expect(r.status).toBe(422);
    const list = await api.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor });
    expect(list.body.items).toHaveLength(1);
  });
});
