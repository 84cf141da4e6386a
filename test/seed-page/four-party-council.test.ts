// The seed page's commentary: 九龙坡区谢家湾街道民主村社区 runs a four-party council (四方议事会); "围墙变栏杆、
// '蜘蛛网'下地、院坝添了新桌椅" came out of its meetings. Replayed through the HTTP API: residents raise the
// same problem, it surfaces as a 一类事, the four parties meet, vote with a quorum, resolve with action items
// under public notice, residents comment — and every step's actor is readable in the audit trail.
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const seat = (party: string, holderName: string, position?: string) => ({
  party,
  holderName,
  position,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
});
const trail = async (resource: string, resourceId: number) =>
  (await api.call('GET', `/api/v1/audit-events?resource=${resource}&resourceId=${resourceId}`, { token: world.tokens.admin })).body
    .items as {
    action: string;
    actor: { kind: string; name: string | null };
  }[];

describe('四方议事会 (民主村社区)', () => {
  it('a 一类事 raised by residents goes through agenda, quorum, vote, resolution, notice and comments, each step signed', async () => {
    const op = world.tokens.operator;
    // Three residents report the same tangle of overhead cables ("蜘蛛网") in the same compound.
    const reports = [
      '3栋楼道外的电线像蜘蛛网一样乱拉，存在安全隐患',
      '小区3栋外墙电线蜘蛛网乱拉，下雨天很危险',
      '3栋外墙蜘蛛网一样的电线乱拉，希望整治',
    ];
    const demandIds: number[] = [];
    for (const [i, content] of reports.entries()) {
      const r = await api.call('POST', '/api/v1/public/demands', {
        body: { content, reporterPhone: `1390000100${i}`, regionId: world.c1.id },
      });
      expect(r.status).toBe(201);
      const found = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: r.body.number, phone: `1390000100${i}` } });
      expect(found.status).toBe(200);
    }
    const listed = await api.call('GET', `/api/v1/demands?regionId=${world.c1.id}&pageSize=50`, { token: op });
    for (const d of listed.body.items)
      if (reports.some((t) => d.title === t || t.startsWith(d.title.replace('…', '')))) demandIds.push(d.id);
    expect(demandIds).toHaveLength(3);
    await api.call('POST', '/api/v1/topics/refresh', { token: world.tokens.supervisor });
    const topics = await api.call('GET', `/api/v1/topics?regionId=${world.c1.id}`, { token: world.tokens.supervisor });
    const topic = topics.body.items.find((t: { demandIds: number[] }) => demandIds.every((id) => t.demandIds.includes(id)));
    expect(topic, JSON.stringify(topics.body.items)).toBeTruthy();

    // One resident also proposes the railings, and another seconds it (phone codes through the outbox).
    const code = async (phone: string) => {
      await api.call('POST', '/api/v1/public/verification-codes', { body: { phone } });
      const [m] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
      return m.body.match(/(\d{6})/)![1];
    };
    const proposal = await api.call('POST', '/api/v1/public/proposals', {
      body: {
        regionId: world.c1.id,
        title: '围墙改栏杆',
        body: '实心围墙挡光挡视线，建议改成通透栏杆。',
        phone: '13900002001',
        code: await code('13900002001'),
      },
    });
    expect(proposal.status).toBe(201);

    // The four parties: the community Party organisation, the residents' committee, the owners' committee, the property company.
    const council = await api.call('POST', '/api/v1/councils', {
      token: op,
      body: {
        regionId: world.c1.id,
        name: '民主村社区四方议事会',
        seats: [
          seat('party_org', '社区党委 书记', 'chair'),
          seat('residents_committee', '居委会 主任', 'secretary'),
          seat('owners_committee', '业委会 主任'),
          seat('property_company', '物业 经理'),
        ],
      },
    });
    expect(council.status).toBe(201);
    const seats: number[] = council.body.seats.map((s: { id: number }) => s.id);
    const meeting = await api.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
      token: op,
      // The world's clock stands at 10:00 that day: the meeting has begun, so attendance and votes are taken.
      body: { title: '院坝议事', place: '社区院坝', startsAt: '2026-11-18T09:30:00+08:00' },
    });
    const mid = meeting.body.id;
    const agenda = [
      { source: 'topic', sourceRef: topic.label, title: '"蜘蛛网"下地', description: `一类事：${topic.size} 件诉求` },
      { source: 'proposal', sourceRef: String(proposal.body.id), title: '围墙变栏杆' },
      { source: 'free', title: '院坝添桌椅' },
    ];
    const itemIds: number[] = [];
    for (const body of agenda) {
      const r = await api.call('POST', `/api/v1/meetings/${mid}/agenda-items`, { token: op, body });
      expect(r.status, r.text).toBe(201);
      itemIds.push(r.body.id);
    }

    // Two of four at the table: no quorum, no vote.
    await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats.slice(0, 2) } });
    const blocked = await api.call('POST', `/api/v1/agenda-items/${itemIds[0]}/votes`, {
      token: op,
      body: { votes: [{ seatId: seats[0], choice: 'for' }] },
    });
    expect(blocked.body.error.code).toBe('council.quorum_not_met');
    expect(blocked.body.error.message).toContain('到会 2 席，共 4 席，至少需要 3 席');

    // All four parties present: each item passes.
    await api.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats } });
    for (const item of itemIds) {
      const v = await api.call('POST', `/api/v1/agenda-items/${item}/votes`, {
        token: op,
        body: { votes: seats.map((seatId) => ({ seatId, choice: 'for' })) },
      });
      expect(v.body).toMatchObject({ for: 4, against: 0, present: 4, seats: 4, outcome: 'passed' });
    }
    const resolution = await api.call('POST', `/api/v1/agenda-items/${itemIds[0]}/resolution`, {
      token: op,
      body: {
        text: '线缆统一入地，物业牵头，运营商配合。',
        noticeDays: 7,
        actionItems: demandIds.map((demandId, i) => ({
          title: `第 ${i + 1} 处线缆下地`,
          ownerUnitId: world.t1Gov.id,
          dueOn: '2030-06-30',
          demandId,
        })),
      },
    });
    expect(resolution.status).toBe(201);
    expect(resolution.body.actionItems).toHaveLength(3);

    // Under public notice residents read it and comment.
    const notices = await api.call('GET', `/api/v1/public/notices?regionId=${world.c1.id}`);
    const notice = notices.body.items.find((n: { id: number }) => n.id === resolution.body.resolution.id);
    expect(notice).toMatchObject({ council: '民主村社区四方议事会', open: true });
    const comment = await api.call('POST', `/api/v1/public/resolutions/${notice.id}/comments`, {
      body: { name: '3栋居民', body: '支持，希望雨季前完成。' },
    });
    expect(comment.status).toBe(201);
    const closed = await api.call('POST', `/api/v1/meetings/${mid}/close`, { token: op, body: { minutes: '三项议题全部通过。' } });
    expect(closed.body.status).toBe('closed');

    // Who did what, in order, readable from the trail.
    const meetingTrail = (await trail('council_meeting', mid)).reverse();
    expect(meetingTrail.map((e) => e.action)).toEqual(['schedule', 'record_attendance', 'record_attendance', 'close']);
    expect(new Set(meetingTrail.map((e) => e.actor.name))).toEqual(new Set(['测试 operator']));
    const votes = await Promise.all(itemIds.map((i) => trail('agenda_item', i)));
    expect(votes.map((t) => t.map((e) => e.action).reverse())).toEqual([
      ['add', 'vote'],
      ['add', 'vote'],
      ['add', 'vote'],
    ]);
    expect((await trail('proposal', proposal.body.id)).map((e) => e.action).reverse()).toEqual(['submit', 'put_on_agenda']);
    expect((await trail('resolution', resolution.body.resolution.id))[0]).toMatchObject({
      action: 'adopt',
      actor: { kind: 'user', name: '测试 operator' },
    });
    expect((await trail('notice_comment', comment.body.id))[0]).toMatchObject({
      action: 'comment',
      actor: { kind: 'resident', name: null },
    });
  });
});
