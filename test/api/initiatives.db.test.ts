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
      (
        await api.call('POST', `/api/v1/initiatives/${id}/answer`, {
          token: world.tokens.handlerB,
          body: { answer: 'x', recipients: [fresh, withA] },
        })
      ).status,
    ).toBe(404);
    const answered = await api.call('POST', `/api/v1/initiatives/${id}/answer`, {
      token: world.tokens.handlerA,
      body: { answer: '全小区路灯已统一更换为新灯具。', recipients: [fresh, withA] },
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

  it('a mixed place never mixes problems: the noise answer reaches only the noise demands, in versions that say who received them', async () => {
    const at = async (content: string) =>
      (
        await api.call('POST', '/api/v1/demands', {
          token: world.tokens.operator,
          body: { content, reporterPhone: '13800000000', regionId: world.c2.id },
        })
      ).body.id as number;
    const lights: number[] = [];
    for (const text of [
      '宝城社区滨河路路灯不亮，晚上很黑',
      '滨河路的路灯坏了，一片漆黑',
      '滨河路路灯晚上不亮',
      '宝城社区滨河路好几盏路灯不亮',
      '滨河路路灯不亮，行人不安全',
    ])
      lights.push(await at(text));
    const manhole = await at('滨河路井盖松动，踩上去响');
    const noise: number[] = [];
    for (const text of [
      '宝城社区滨河路广场有人跳广场舞，噪音扰民',
      '滨河路广场广场舞音响太吵，噪音扰民',
      '滨河路广场每晚广场舞噪音很大',
      '滨河路广场广场舞噪音扰民，孩子没法学习',
    ])
      noise.push(await at(text));
    const lamp = await at('滨河路广场旁边的路灯不亮');

    expect((await api.call('POST', '/api/v1/topics/refresh', { token: world.tokens.supervisor })).status).toBe(200);
    const topics = (await api.call('GET', `/api/v1/topics?regionId=${world.c2.id}`, { token: world.tokens.supervisor })).body.items;
    const noiseTopic = topics.find((t: { demandIds: number[] }) => t.demandIds.includes(noise[0]));
    const lightTopic = topics.find((t: { demandIds: number[] }) => t.demandIds.includes(lights[0]));
    expect(noiseTopic.demandIds.sort()).toEqual([...noise].sort());
    expect(lightTopic.demandIds.sort()).toEqual([...lights, lamp].sort());
    expect(topics.some((t: { demandIds: number[] }) => t.demandIds.includes(manhole))).toBe(false);
    expect(noiseTopic.place).toBe('滨河路广场');

    // Promoted with the lamp demand picked by mistake; the supervisor sees the titles and takes it out.
    const created = await api.call('POST', '/api/v1/initiatives', {
      token: world.tokens.supervisor,
      body: { title: '滨河路广场噪音治理', topicLabel: noiseTopic.label, unitId: world.t1Gov.id, demandIds: [...noise, lamp] },
    });
    const id = created.body.id;
    expect(created.body.members.find((m: { demandId: number }) => m.demandId === lamp).title).toContain('路灯');
    const removed = await api.call('POST', `/api/v1/initiatives/${id}/members/${lamp}/remove`, {
      token: world.tokens.supervisor,
      body: { reason: '是路灯问题，不是噪音' },
    });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.members.find((m: { demandId: number }) => m.demandId === lamp)).toMatchObject({
      removed: true,
      nextAnswer: 'skip',
      why: 'removed',
    });
    // One noise demand is already with another unit: it is listed as not reached.
    await api.call('POST', `/api/v1/demands/${noise[3]}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptB.id } });
    const shown = (await api.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor })).body.items.find(
      (i: { id: number }) => i.id === id,
    );
    const reached = shown.members
      .filter((m: { nextAnswer: string }) => m.nextAnswer === 'reply')
      .map((m: { demandId: number }) => m.demandId);
    expect(reached.sort()).toEqual(noise.slice(0, 3).sort());

    // Sending to a list other than the one shown changes nothing.
    const stale = await api.call('POST', `/api/v1/initiatives/${id}/answer`, {
      token: world.tokens.supervisor,
      body: { answer: '街道已与广场舞队协商，音响限时限音量。', recipients: [...noise, lamp] },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('initiative.recipients_changed');
    expect((await api.call('GET', `/api/v1/demands/${noise[0]}`, { token: world.tokens.supervisor })).body.state).toBe('registered');

    const first = await api.call('POST', `/api/v1/initiatives/${id}/answer`, {
      token: world.tokens.supervisor,
      body: { answer: '街道已与广场舞队协商，音响限时限音量。', recipients: reached },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body.version).toBe(1);
    const lampAfter = await api.call('GET', `/api/v1/demands/${lamp}`, { token: world.tokens.supervisor });
    expect(lampAfter.body).toMatchObject({ state: 'registered', replyText: null });

    // The other unit sends its demand back; a second answer is a new version that reaches only it.
    await api.call('POST', `/api/v1/demands/${noise[3]}/acknowledge`, { token: world.tokens.handlerB });
    const back = await api.call('POST', `/api/v1/demands/${noise[3]}/return`, {
      token: world.tokens.handlerB,
      body: { reason: '不属于供水' },
    });
    expect(back.status, back.text).toBe(200);
    const second = await api.call('POST', `/api/v1/initiatives/${id}/answer`, {
      token: world.tokens.supervisor,
      body: { answer: '广场舞音响已加装限音器。', recipients: [noise[3]] },
    });
    expect(second.status, second.text).toBe(200);
    expect(second.body.version).toBe(2);
    const firstReply = await api.call('GET', `/api/v1/demands/${noise[0]}`, { token: world.tokens.supervisor });
    expect(firstReply.body.replyText).toBe('街道已与广场舞队协商，音响限时限音量。');
    const record = (await api.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor })).body.items.find(
      (i: { id: number }) => i.id === id,
    );
    const got = (v: number) =>
      record.answers[v - 1].recipients
        .filter((r: { outcome: string }) => r.outcome === 'replied')
        .map((r: { demandId: number }) => r.demandId);
    expect(record.answers.map((x: { version: number; answer: string }) => [x.version, x.answer])).toEqual([
      [1, '街道已与广场舞队协商，音响限时限音量。'],
      [2, '广场舞音响已加装限音器。'],
    ]);
    expect(got(1).sort()).toEqual(noise.slice(0, 3).sort());
    expect(got(2)).toEqual([noise[3]]);
    // Nobody left waiting: a third answer is refused rather than recorded as sent to no one.
    const third = await api.call('POST', `/api/v1/initiatives/${id}/answer`, {
      token: world.tokens.supervisor,
      body: { answer: '再说一遍', recipients: [noise[0]] },
    });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('initiative.nobody_to_answer');
    expect((await api.call('GET', `/api/v1/demands/${lamp}`, { token: world.tokens.supervisor })).body.state).toBe('registered');
  });

  it('refuses demands outside the supervisor’s reach, writing nothing', async () => {
    const r = await api.call('POST', '/api/v1/initiatives', {
      token: world.tokens.supervisor,
      body: { title: 't', unitId: world.deptA.id, demandIds: [999999] },
    });
    expect(r.status).toBe(422);
    const list = await api.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor });
    expect(list.body.items.map((i: { title: string }) => i.title)).not.toContain('t');
  });
});
