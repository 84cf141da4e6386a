// 质检: the assessments engine samples a month's closed demands against a reply-quality rubric, and each unit's
// quality stands beside its 三率.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestClock } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let t: TestClock;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2026-10-12T09:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0 });
});
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

describe('monthly reply-quality check (回访抽查 / 质检)', () => {
  it('draws closed demands per unit, scores the replies, and shows each unit’s quality beside its rates', async () => {
    const close = async (unitId: number, handler: keyof World['tokens']) => {
      const d = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content: '小区路灯不亮', reporterPhone: '13800000000', regionId: world.c1.id },
      });
      const run = (token: string, verb: string, body: unknown) => api.call('POST', `/api/v1/demands/${d.body.id}/${verb}`, { token, body });
      await run(world.tokens.dispatcher, 'dispatch', { unitId });
      await run(world.tokens[handler], 'acknowledge', {});
      await run(world.tokens[handler], 'reply', { reply: '已维修' });
      await run(world.tokens.operator, 'callback', { satisfaction: 'satisfied', solved: true });
      expect((await run(world.tokens.operator, 'close', {})).status).toBe(200);
    };
    for (let i = 0; i < 4; i++) await close(world.deptA.id, 'handlerA');
    for (let i = 0; i < 2; i++) await close(world.deptB.id, 'handlerB');

    const op = world.tokens.operator;
    const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
      token: op,
      body: {
        name: '答复质量',
        aspects: [
          {
            key: 'reply',
            name: '答复',
            items: [
              { key: 'answered', name: '回应了诉求', kind: 'pass_fail' },
              { key: 'lawful', name: '引用了依据', kind: 'pass_fail' },
              { key: 'timely', name: '按时答复', kind: 'pass_fail' },
              { key: 'courteous', name: '用语文明', kind: 'pass_fail' },
            ],
          },
        ],
      },
    });
    const round = await api.call('POST', '/api/v1/assessments', {
      token: op,
      body: {
        kind: 'quality_check',
        title: '2026 年 10 月答复质检',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2026-10-12',
        endsOn: '2026-10-31',
        assignment: 'balanced',
        period: '2026-10',
      },
    });
    const id = round.body.id;
    const none = await api.call('POST', `/api/v1/assessments/${id}/population/demands`, {
      token: op,
      body: { from: '2026-09-01', to: '2026-09-30' },
    });
    expect(none.status).toBe(400);
    const pop = await api.call('POST', `/api/v1/assessments/${id}/population/demands`, {
      token: op,
      body: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(pop.body).toEqual({ imported: 6 });
    const drawn = await api.call('POST', `/api/v1/assessments/${id}/sample`, {
      token: op,
      body: { size: 4, allocation: 'equal', seed: 'oct' },
    });
    expect(drawn.body.plan.strata).toEqual({ 区城市管理局: { population: 4, drawn: 2 }, 区自来水公司: { population: 2, drawn: 2 } });
    await api.call('POST', `/api/v1/assessments/${id}/panel`, {
      token: op,
      body: { members: [{ userId: world.actors.supervisor.userId, role: 'assessor' }] },
    });
    await api.call('POST', `/api/v1/assessments/${id}/assign`, { token: op });
    await api.call('POST', `/api/v1/assessments/${id}/open`, { token: op });
    const sampled = (await api.call('GET', `/api/v1/assessments/${id}/subjects?mine=true`, { token: world.tokens.supervisor })).body.items;
    expect(sampled).toHaveLength(4);
    let failedOne = false;
    const entries = sampled.map((s: { id: number; unitId: number }) => {
      const fail = !failedOne && s.unitId === world.deptA.id;
      failedOne ||= fail;
      return {
        subjectId: s.id,
        items: ['answered', 'lawful', 'timely', 'courteous'].map((k) =>
          fail && k === 'lawful' ? { itemKey: k, passed: false, reason: '未说明维修依据和标准' } : { itemKey: k, passed: true },
        ),
      };
    });
    expect((await api.call('POST', `/api/v1/assessments/${id}/scores`, { token: world.tokens.supervisor, body: { entries } })).status).toBe(
      200,
    );
    await api.call('POST', `/api/v1/assessments/${id}/close`, { token: op });

    const rates = await api.call('GET', '/api/v1/rates?month=2026-10', { token: world.tokens.supervisor });
    const quality = Object.fromEntries(rates.body.units.map((u: { unitId: number; quality: unknown }) => [u.unitId, u.quality]));
    expect(quality[world.deptA.id]).toEqual({ assessed: 2, qualified: 1, rate: 0.5 });
    expect(quality[world.deptB.id]).toEqual({ assessed: 2, qualified: 2, rate: 1 });
    const csv = await api.call('GET', '/api/v1/rates?month=2026-10&format=csv', { token: world.tokens.supervisor });
    expect(csv.text.split('\r\n')[0]).toContain('质检合格率%');

    // The failed reply becomes the unit's rectification task.
    expect((await api.call('POST', `/api/v1/assessments/${id}/rectifications`, { token: op, body: {} })).body.created).toBe(1);
    const tasks = (await api.call('GET', '/api/v1/rectification-tasks', { token: world.tokens.handlerA })).body.items;
    expect(tasks.map((x: { itemKey: string; description: string }) => [x.itemKey, x.description])).toEqual([
      ['lawful', '未说明维修依据和标准'],
    ]);
    expect((await api.call('GET', '/api/v1/rectification-tasks', { token: world.tokens.handlerB })).body.items).toEqual([]);
  }, 60_000);
});
