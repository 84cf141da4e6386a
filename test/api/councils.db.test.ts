import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/kernel/index.js';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;

// The world's clock starts on Wednesday 2026-11-18 at 10:00 (+08:00); tests move it.
beforeAll(async () => {
  ({ database, world, t } = await setUpWorld());
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
});
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
      body: { title: '第三次议事会', place: '社区会议室', startsAt: t.ctx.now().toISOString() },
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
      body: { text: 'x', actionItems: [{ title: 't', ownerUnitId: world.t1Gov.id, dueOn: '2026-12-31', initiativeId: 999999 }] },
    });
    expect(badLink.status).toBe(422);
    const resolution = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
      token: op,
      body: {
        text: '拆除沿街围墙改为通透栏杆，院坝增设桌椅两套。',
        noticeDays: 7,
        actionItems: [
          { title: '围墙改栏杆施工', ownerUnitId: world.t1Gov.id, dueOn: '2026-12-31', initiativeId: initiative.body.id },
          { title: '采购桌椅', ownerUnitId: world.t1Gov.id, dueOn: '2026-12-15' },
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

async function councilWithSeats(name: string, seats: (ReturnType<typeof seat> & { phone?: string })[]) {
  const council = await api.call('POST', '/api/v1/councils', {
    token: world.tokens.operator,
    body: { regionId: world.c1.id, name, seats },
  });
  expect(council.status).toBe(201);
  return { id: council.body.id as number, seats: council.body.seats.map((s: { id: number }) => s.id) as number[] };
}

const smsOf = (template: string) =>
  database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.channel, 'sms'), eq(outboxMessages.template, template)));

describe('会议预告: a scheduled meeting is announced, and taken only in session', () => {
  it('texts the seat holders in the meeting’s transaction, shows it on the portal without anything personal, and refuses votes before it starts', async () => {
    t.setNow(new Date('2026-11-18T10:00:00+08:00'));
    const op = world.tokens.operator;
    const { id, seats } = await councilWithSeats('预告测试议事会', [
      { ...seat('party_org', '社区党委 赵书记', 'chair'), phone: '13900001111' },
      { ...seat('residents_committee', '居委会 钱主任'), phone: '13900002222' },
      seat('owners_committee', '业委会 孙主任'),
      // A holder whose term ended before the meeting is not told of it.
      { ...seat('resident_rep', '居民代表 李大爷'), phone: '13900003333', termEnd: '2026-06-30' },
    ]);
    const refused = await api.call('POST', `/api/v1/councils/${id}/meetings`, {
      token: world.tokens.handlerA,
      body: { title: '不该发出', place: '某处', startsAt: '2026-11-25T19:30:00+08:00' },
    });
    expect(refused.status).toBe(404);
    expect(await smsOf('meeting_scheduled')).toHaveLength(0);

    const meeting = await api.call('POST', `/api/v1/councils/${id}/meetings`, {
      token: op,
      body: { title: '电动车充电桩议事', place: '社区二楼会议室', startsAt: '2026-11-25T19:30:00+08:00' },
    });
    expect(meeting.status).toBe(201);
    const sms = await smsOf('meeting_scheduled');
    expect(sms.map((m) => m.recipient).sort()).toEqual(['13900001111', '13900002222']);
    expect(sms[0].body).toBe('【听见】预告测试议事会定于11月25日 19:30在社区二楼会议室召开“电动车充电桩议事”，请您准时参会。');
    const mid = meeting.body.id;
    await api.call('POST', `/api/v1/meetings/${mid}/agenda-items`, {
      token: op,
      body: { source: 'free', title: '3栋楼道充电隐患（13812345678 反映）', description: '居民 孙阿姨 反映' },
    });

    const upcoming = await api.call('GET', `/api/v1/public/meetings?regionId=${world.c1.id}`);
    expect(upcoming.status).toBe(200);
    const shown = upcoming.body.items.find((m: { id: number }) => m.id === mid);
    expect(shown).toEqual({
      id: mid,
      council: '预告测试议事会',
      title: '电动车充电桩议事',
      place: '社区二楼会议室',
      startsAt: new Date('2026-11-25T19:30:00+08:00').toISOString(),
      agenda: ['3栋楼道充电隐患（138****5678 反映）'],
    });
    const everything = JSON.stringify(upcoming.body);
    for (const personal of ['赵书记', '钱主任', '13900001111', '孙阿姨', '13812345678']) expect(everything).not.toContain(personal);
    expect((await api.call('GET', `/api/v1/public/meetings?regionId=${world.c2.id}`)).body.items).toHaveLength(0);

    // Two days early, nothing is taken: a clear refusal in Chinese.
    t.setNow(new Date('2026-11-23T19:30:00+08:00'));
    const early = await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats } });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'council.meeting_not_started' });
    expect(early.body.error.message).toContain('会议尚未开始');
    const item = (await api.call('GET', `/api/v1/meetings/${mid}`, { token: op })).body.agenda[0];
    const earlyVote = await api.call('POST', `/api/v1/agenda-items/${item.id}/votes`, {
      token: op,
      body: { votes: [{ seatId: seats[0], choice: 'for' }] },
    });
    expect(earlyVote.body.error.code).toBe('council.meeting_not_started');
    t.setNow(new Date('2026-11-25T19:29:00+08:00'));
    expect((await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats } })).status).toBe(409);

    // From its start to its close, it is in session.
    t.setNow(new Date('2026-11-25T19:35:00+08:00'));
    expect((await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats } })).status).toBe(200);
    const vote = await api.call('POST', `/api/v1/agenda-items/${item.id}/votes`, {
      token: op,
      body: { votes: seats.map((seatId) => ({ seatId, choice: 'for' })) },
    });
    expect(vote.body.outcome).toBe('passed');
    expect((await api.call('POST', `/api/v1/meetings/${mid}/close`, { token: op, body: { minutes: '通过。' } })).status).toBe(200);

    // After the close: only corrections; and the portal no longer lists it as coming.
    const late = await api.call('POST', `/api/v1/agenda-items/${item.id}/votes`, {
      token: op,
      body: { votes: seats.map((seatId) => ({ seatId, choice: 'against' })) },
    });
    expect(late.body.error.code).toBe('council.meeting_closed');
    expect((await api.call('POST', `/api/v1/meetings/${mid}/corrections`, { token: op, body: { body: '更正：全票通过' } })).status).toBe(
      201,
    );
    const after = await api.call('GET', `/api/v1/public/meetings?regionId=${world.c1.id}`);
    expect(after.body.items.some((m: { id: number }) => m.id === mid)).toBe(false);
  });
});

describe('行动项: owner unit, due date, overdue → 督办 once', () => {
  it('goes overdue after its due day, raises one 督办 and tells its unit once; completing it shows on the portal', async () => {
    t.setNow(new Date('2026-11-18T10:00:00+08:00'));
    const op = world.tokens.operator;
    const { id, seats } = await councilWithSeats('行动项测试议事会', [
      seat('party_org', '党委', 'chair'),
      seat('residents_committee', '居委会'),
      seat('property_company', '物业'),
    ]);
    const mid = (
      await api.call('POST', `/api/v1/councils/${id}/meetings`, {
        token: op,
        body: { title: '院坝议事', place: '院坝', startsAt: t.ctx.now().toISOString() },
      })
    ).body.id;
    const item = (await api.call('POST', `/api/v1/meetings/${mid}/agenda-items`, { token: op, body: { source: 'free', title: '修路灯' } }))
      .body;
    await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats } });
    await api.call('POST', `/api/v1/agenda-items/${item.id}/votes`, {
      token: op,
      body: { votes: seats.map((seatId) => ({ seatId, choice: 'for' })) },
    });
    const notInUnit = await api.call('POST', `/api/v1/agenda-items/${item.id}/resolution`, {
      token: op,
      body: {
        text: 'x',
        actionItems: [{ title: 'x', ownerUnitId: world.t1Gov.id, ownerUserId: world.actors.handlerA.userId, dueOn: '2026-11-30' }],
      },
    });
    expect(notInUnit.status).toBe(422);
    const resolution = await api.call('POST', `/api/v1/agenda-items/${item.id}/resolution`, {
      token: op,
      body: {
        text: '更换院坝路灯两盏，修补路面。',
        actionItems: [
          { title: '更换路灯', ownerUnitId: world.t1Gov.id, ownerUserId: world.actors.handlerT1.userId, dueOn: '2026-11-30' },
          { title: '修补路面', ownerUnitId: world.deptA.id, dueOn: '2026-11-30' },
        ],
      },
    });
    expect(resolution.status).toBe(201);
    const [lights, road] = resolution.body.actionItems;
    expect(lights).toMatchObject({
      owner: '桂花坪街道办事处',
      ownerUnitId: world.t1Gov.id,
      ownerUserName: '测试 handlerT1',
      dueOn: '2026-11-30',
      status: 'open',
      supervision: null,
      actions: ['complete'],
    });
    expect((await api.call('PATCH', `/api/v1/action-items/${road.id}`, { token: op, body: { status: 'done' } })).body).toMatchObject({
      status: 'done',
      actions: ['reopen'],
    });

    // On its due day it is not yet overdue; the day after, the sweep raises its 督办.
    const run = (token = world.tokens.supervisor) => api.call('POST', '/api/v1/action-items/overdue/run', { token });
    t.setNow(new Date('2026-11-30T23:00:00+08:00'));
    expect((await run()).body).toEqual({ overdue: 0 });
    t.setNow(new Date('2026-12-01T08:00:00+08:00'));
    expect((await run(world.tokens.handlerA)).status).toBe(403);
    expect((await run()).body).toEqual({ overdue: 1 });
    expect((await run()).body).toEqual({ overdue: 0 });
    const chased = (await api.call('GET', `/api/v1/meetings/${mid}`, { token: op })).body.resolutions[0].actionItems[0];
    expect(chased).toMatchObject({ status: 'overdue', actions: ['complete'] });
    expect(chased.supervision.reason).toContain('已超过完成期限（2026-11-30），转为督办');
    const told = () =>
      database.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.channel, 'console'), eq(outboxMessages.recipient, `unit:${world.t1Gov.id}:handlers`)));
    expect((await told()).filter((m) => m.body.includes('更换路灯'))).toHaveLength(1);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.resource, 'action_item'), eq(auditEvents.resourceId, String(lights.id)), eq(auditEvents.action, 'mark_overdue')),
      );
    expect(event).toBeTruthy();

    const notice = (await api.call('GET', `/api/v1/public/notices?regionId=${world.c1.id}`)).body.items.find(
      (n: { id: number }) => n.id === resolution.body.resolution.id,
    );
    expect(notice.progress).toEqual({ done: 1, total: 2 });
    expect(notice.actionItems).toEqual([
      { title: '更换路灯', owner: '桂花坪街道办事处', dueOn: '2026-11-30', status: 'overdue', supervised: true },
      { title: '修补路面', owner: '区城市管理局', dueOn: '2026-11-30', status: 'done', supervised: false },
    ]);
    expect(JSON.stringify(notice)).not.toContain('handlerT1');

    // Done, then reopened past its due day: overdue again, but its 督办 was raised once and the unit told once.
    expect((await api.call('PATCH', `/api/v1/action-items/${lights.id}`, { token: op, body: { status: 'done' } })).body.status).toBe(
      'done',
    );
    expect((await api.call('PATCH', `/api/v1/action-items/${lights.id}`, { token: op, body: { status: 'done' } })).status).toBe(409);
    expect((await api.call('PATCH', `/api/v1/action-items/${lights.id}`, { token: op, body: { status: 'open' } })).body.status).toBe(
      'open',
    );
    expect((await run()).body).toEqual({ overdue: 1 });
    expect((await told()).filter((m) => m.body.includes('更换路灯'))).toHaveLength(1);
  });
});
