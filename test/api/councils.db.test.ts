import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const seat = (party: string, holderName: string, position = 'member') => ({
  party,
  holderName,
  position,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
});

describe('四方议事会: a full council cycle', () => {
  it('agenda from a topic → quorum → vote → resolution with action items → public notice → action item done', async () => {
    const op = world.tokens.operator;
    const council = await api.call('POST', '/api/v1/councils', {
      token: op,
      body: {
        regionId: world.c1.id,
        name: '丽发新城社区四方议事会',
        seats: [
          seat('party_org', '社区党委 李书记', 'chair'),
          seat('residents_committee', '居委会 王主任', 'secretary'),
          seat('owners_committee', '业委会 张主任'),
          seat('property_company', '物业 刘经理'),
          seat('resident_rep', '居民代表 陈大爷'),
        ],
      },
    });
    expect(council.status).toBe(201);
    const seats: number[] = council.body.seats.map((s: { id: number }) => s.id);
    expect((await api.call('GET', `/api/v1/councils/${council.body.id}`, { token: world.tokens.handlerA })).status).toBe(404);

    const meeting = await api.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
      token: op,
      body: { title: '第三次议事会', place: '社区会议室', startsAt: new Date().toISOString() },
    });
    const mid = meeting.body.id;
    const item = await api.call('POST', `/api/v1/meetings/${mid}/agenda-items`, {
      token: op,
      body: {
        source: 'topic',
        sourceRef: '丽发新城 · 围墙遮挡',
        title: '围墙改栏杆、院坝添桌椅',
        description: '一类事：多位居民反映围墙老旧遮挡视线',
      },
    });
    expect(item.status).toBe(201);

    // Two of five present: no quorum, no vote, and the message says why.
    await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats.slice(0, 2) } });
    const blocked = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
      token: op,
      body: { votes: [{ seatId: seats[0], choice: 'for' }] },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('council.quorum_not_met');
    expect(blocked.body.error.message).toContain('到会 2 席，共 5 席，至少需要 3 席');
    const noResolution = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
      token: op,
      body: { text: 'x', actionItems: [] },
    });
    expect(noResolution.body.error.code).toBe('council.not_passed');

    await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats.slice(0, 4) } });
    const absentVote = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
      token: op,
      body: { votes: [{ seatId: seats[4], choice: 'for' }] },
    });
    expect(absentVote.status).toBe(400);
    const vote = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
      token: op,
      body: {
        votes: [
          { seatId: seats[0], choice: 'for' },
          { seatId: seats[1], choice: 'for' },
          { seatId: seats[2], choice: 'for' },
          { seatId: seats[3], choice: 'abstain' },
        ],
      },
    });
    expect(vote.body).toMatchObject({ for: 3, against: 0, abstain: 1, present: 4, outcome: 'passed' });

    const linked = await api.call('POST', '/api/v1/demands', {
      token: op,
      body: { content: '围墙太高遮挡视线', reporterPhone: '13800000000', regionId: world.c1.id },
    });
    const initiative = await api.call('POST', '/api/v1/initiatives', {
      token: world.tokens.supervisor,
      body: { title: '围墙改造专项', unitId: world.t1Gov.id, demandIds: [linked.body.id] },
    });
    const badLink = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
      token: op,
      body: { text: 'x', actionItems: [{ title: 't', owner: 'o', dueOn: '2026-12-31', initiativeId: 999999 }] },
    });
    expect(badLink.status).toBe(422);
    const resolution = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
      token: op,
      body: {
        text: '拆除沿街围墙改为通透栏杆，院坝增设桌椅两套。',
        noticeDays: 7,
        actionItems: [
          { title: '围墙改栏杆施工', owner: '物业公司', dueOn: '2026-12-31', initiativeId: initiative.body.id },
          { title: '采购桌椅', owner: '居委会', dueOn: '2026-12-15' },
        ],
      },
    });
    expect(resolution.status).toBe(201);
    const closed = await api.call('POST', `/api/v1/meetings/${mid}/close`, { token: op, body: { minutes: '会议通过围墙改造决议。' } });
    expect(closed.body.status).toBe('closed');

    // The record is frozen; corrections are linked entries.
    const late = await api.call('POST', `/api/v1/meetings/${mid}/agenda-items`, { token: op, body: { source: 'free', title: '补充议题' } });
    expect(late.body.error.code).toBe('council.meeting_closed');
    expect((await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats } })).status).toBe(409);
    expect(
      (await api.call('POST', `/api/v1/meetings/${mid}/corrections`, { token: op, body: { body: '纪要更正：到会 4 席' } })).status,
    ).toBe(201);

    // Public notice with comments, then the work gets done.
    const notices = await api.call('GET', `/api/v1/public/notices?regionId=${world.c1.id}`);
    expect(notices.body.items).toHaveLength(1);
    expect(notices.body.items[0]).toMatchObject({ open: true, text: '拆除沿街围墙改为通透栏杆，院坝增设桌椅两套。' });
    expect(
      (
        await api.call('POST', `/api/v1/public/resolutions/${resolution.body.resolution.id}/comments`, {
          body: { name: '赵阿姨', body: '栏杆请做成圆角，别伤到孩子' },
        })
      ).status,
    ).toBe(201);
    const done = await api.call('PATCH', `/api/v1/action-items/${resolution.body.actionItems[1].id}`, {
      token: op,
      body: { status: 'done' },
    });
    expect(done.body.status).toBe('done');
    const after = await api.call('GET', `/api/v1/public/notices?regionId=${world.c1.id}`);
    expect(after.body.items[0].comments).toHaveLength(1);
    expect(after.body.items[0].actionItems.map((a: { status: string }) => a.status)).toEqual(['open', 'done']);
    const detail = await api.call('GET', `/api/v1/meetings/${mid}`, { token: op });
    expect(detail.body.corrections).toHaveLength(1);
    expect(detail.body.agenda[0].votes).toHaveLength(4);
    expect(detail.body.resolutions).toHaveLength(1);
    expect(detail.body.resolutions[0].actionItems[0].initiativeId).toBe(initiative.body.id);
  });
});
