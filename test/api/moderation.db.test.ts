import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
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

async function resolutionUnderNotice(): Promise<number> {
  const op = world.tokens.operator;
  const council = await api.call('POST', '/api/v1/councils', {
    token: op,
    body: { regionId: world.c1.id, name: '议事会', seats: [seat('party_org', '书记', 'chair')] },
  });
  const meeting = await api.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
    token: op,
    body: { title: '会', place: '室', startsAt: worldStart.toISOString() },
  });
  const item = await api.call('POST', `/api/v1/meetings/${meeting.body.id}/agenda-items`, {
    token: op,
    body: { source: 'free', title: '议题' },
  });
  await api.call('PUT', `/api/v1/meetings/${meeting.body.id}/attendance`, {
    token: op,
    body: { presentSeatIds: [council.body.seats[0].id] },
  });
  await api.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
    token: op,
    body: { votes: [{ seatId: council.body.seats[0].id, choice: 'for' }] },
  });
  const res = await api.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
    token: op,
    body: { text: '决议', actionItems: [] },
  });
  return res.body.resolution.id;
}

async function authorSees(kind: string, receipt: { id: number; authorToken: string }) {
  const r = await api.call('POST', '/api/v1/public/moderation/status', { body: { kind, id: receipt.id, token: receipt.authorToken } });
  expect(r.status, r.text).toBe(200);
  return r.body;
}

describe('moderation of what residents publish', () => {
  it('holds a comment with a sensitive word for review; the moderator approves it; hides another with a reason the public sees', async () => {
    expect(
      (await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'moderation.sensitiveWords': ['代开发票'] } }))
        .status,
    ).toBe(200);
    const resolutionId = await resolutionUnderNotice();
    const spam = await api.call('POST', `/api/v1/public/resolutions/${resolutionId}/comments`, { body: { body: '代开发票请联系我' } });
    const fair = await api.call('POST', `/api/v1/public/resolutions/${resolutionId}/comments`, { body: { body: '支持这个决议' } });
    const rude = await api.call('POST', `/api/v1/public/resolutions/${resolutionId}/comments`, { body: { body: '一条人身攻击的留言' } });
    const notice = async () =>
      (await api.call('GET', `/api/v1/public/notices?regionId=${world.c1.id}`)).body.items.find(
        (n: { id: number }) => n.id === resolutionId,
      );
    expect(
      (await notice()).comments.map((c: { body: string; hidden: boolean; hiddenReason: string | null }) => [
        c.body,
        c.hidden,
        c.hiddenReason,
      ]),
    ).toEqual([
      ['', true, '待审核'],
      ['支持这个决议', false, null],
      ['一条人身攻击的留言', false, null],
    ]);
    expect(spam.body.authorToken).toMatch(/^[\w-]{24}$/);
    expect(await authorSees('notice_comment', spam.body)).toEqual({ state: 'held', reason: null, shown: null });
    const queue = await api.call('GET', '/api/v1/moderation/queue', { token: world.tokens.operator });
    expect(queue.body.items).toMatchObject([
      { kind: 'notice_comment', id: spam.body.id, state: 'held', original: expect.stringContaining('代开发票') },
    ]);
    expect((await api.call('GET', '/api/v1/moderation/queue', { token: world.tokens.handlerA })).body.items).toEqual([]);
    expect(
      (
        await api.call('POST', `/api/v1/moderation/notice_comment/${rude.body.id}/hide`, {
          token: world.tokens.handlerA,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);

    expect(
      (
        await api.call('POST', `/api/v1/moderation/notice_comment/${rude.body.id}/hide`, {
          token: world.tokens.operator,
          body: { reason: '人身攻击' },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await api.call('POST', `/api/v1/moderation/notice_comment/${spam.body.id}/redact`, {
          token: world.tokens.operator,
          body: { passage: '代开发票', reason: '广告' },
        })
      ).status,
    ).toBe(204);
    // Each author follows their own comment with the token handed back at submission; a held one
    // does not learn the listed words, a wrong token learns nothing.
    expect(await authorSees('notice_comment', rude.body)).toEqual({ state: 'hidden', reason: '人身攻击', shown: null });
    expect(await authorSees('notice_comment', spam.body)).toEqual({ state: 'redacted', reason: '广告', shown: '〔已删除〕请联系我' });
    expect(await authorSees('notice_comment', fair.body)).toEqual({ state: 'published', reason: null, shown: null });
    const wrong = await api.call('POST', '/api/v1/public/moderation/status', {
      body: { kind: 'notice_comment', id: rude.body.id, token: fair.body.authorToken },
    });
    expect(wrong.status).toBe(404);
    expect(wrong.text).not.toContain('人身攻击');
    expect((await notice()).comments.map((c: { body: string; hiddenReason: string | null }) => [c.body, c.hiddenReason])).toEqual([
      ['〔已删除〕请联系我', null],
      ['支持这个决议', null],
      ['', '人身攻击'],
    ]);
    expect(
      (await api.call('POST', `/api/v1/moderation/notice_comment/${rude.body.id}/restore`, { token: world.tokens.operator })).status,
    ).toBe(204);
    expect((await notice()).comments[2]).toMatchObject({ body: '一条人身攻击的留言', hidden: false });
    expect(await authorSees('notice_comment', rude.body)).toEqual({ state: 'published', reason: null, shown: null });
    expect(fair.status).toBe(201);

    const trail = await api.call('GET', `/api/v1/audit-events?resource=notice_comment&resourceId=${rude.body.id}`, {
      token: world.tokens.admin,
    });
    expect(trail.body.items.map((e: { action: string }) => e.action).reverse()).toEqual(['comment', 'hide', 'restore']);
  });

  it('a hidden proposal stays listed, without its text, with the reason', async () => {
    await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13900001234' } });
    const [m] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
    const p = await api.call('POST', '/api/v1/public/proposals', {
      body: { regionId: world.c1.id, title: '加微信领红包', body: '广告内容', phone: '13900001234', code: m.body.match(/(\d{6})/)![1] },
    });
    await api.call('POST', `/api/v1/moderation/proposal/${p.body.id}/hide`, { token: world.tokens.operator, body: { reason: '广告' } });
    const listed = (await api.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`)).body.items.find(
      (x: { id: number }) => x.id === p.body.id,
    );
    expect(listed).toMatchObject({ title: '', body: '', hidden: true, hiddenReason: '广告', proposerName: null });
    expect(await authorSees('proposal', p.body)).toEqual({ state: 'hidden', reason: '广告', shown: null });
  });

  it('takes down a published demand’s text and redacts its reply; the public list follows, the resident and the unit are told why', async () => {
    const d = await api.call('POST', '/api/v1/public/demands', {
      body: {
        title: '楼道灯不亮',
        content: '联系我买保健品 楼道灯坏了一周',
        reporterName: '王大爷',
        reporterPhone: '13700001111',
        regionId: world.c1.id,
      },
    });
    const [demand] = (await api.call('GET', `/api/v1/demands?regionId=${world.c1.id}`, { token: world.tokens.operator })).body.items;
    const id: number = demand.id;
    await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await api.call('POST', `/api/v1/demands/${id}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    expect(
      (
        await api.call('POST', `/api/v1/demands/${id}/reply`, {
          token: world.tokens.handlerA,
          body: { reply: '已修复。有事别再找我们' },
        })
      ).status,
    ).toBe(200);
    const publicItem = async () =>
      (await api.call('GET', `/api/v1/public/demands?regionId=${world.c1.id}`)).body.items.find(
        (x: { number: string }) => x.number === d.body.number,
      );
    expect(await publicItem()).toMatchObject({ title: '楼道灯不亮', replyText: '已修复。有事别再找我们' });

    // The moderator sees it among what is published, in their region only.
    const published = await api.call('GET', '/api/v1/moderation/published', { token: world.tokens.operator });
    expect(published.status).toBe(200);
    expect(published.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'demand', id, context: d.body.number, text: '楼道灯不亮\n联系我买保健品 楼道灯坏了一周' }),
        expect.objectContaining({ kind: 'reply', id, text: '已修复。有事别再找我们' }),
      ]),
    );
    expect(
      (await api.call('GET', '/api/v1/moderation/published', { token: world.tokens.operatorT2 })).body.items.some(
        (i: { id: number; kind: string }) => i.kind === 'demand' && i.id === id,
      ),
    ).toBe(false);
    expect(
      (await api.call('POST', `/api/v1/moderation/demand/${id}/hide`, { token: world.tokens.operatorT2, body: { reason: '广告' } })).status,
    ).toBe(404);

    expect(
      (
        await api.call('POST', `/api/v1/moderation/reply/${id}/redact`, {
          token: world.tokens.operator,
          body: { passage: '有事别再找我们', reason: '不当用语' },
        })
      ).status,
    ).toBe(204);
    expect((await publicItem()).replyText).toBe('已修复。〔已删除〕');
    // Open311 shows what the portal shows.
    const open311 = async () => (await api.call('GET', `/open311/v2/requests/${d.body.number}.json`)).body;
    expect((await open311())[0]).toMatchObject({ status_notes: '已修复。〔已删除〕', description: '联系我买保健品 楼道灯坏了一周' });
    expect(
      (await api.call('POST', `/api/v1/moderation/demand/${id}/hide`, { token: world.tokens.operator, body: { reason: '含广告' } })).status,
    ).toBe(204);
    expect(await publicItem()).toBeUndefined();
    expect(JSON.stringify(await open311())).not.toContain('保健品');
    const all311 = (await api.call('GET', '/open311/v2/requests.json')).body as { service_request_id: string }[];
    expect(all311.map((r) => r.service_request_id)).not.toContain(d.body.number);
    // The newest answer taken down, a page of one is the next answer, not an empty page with more behind it.
    const first = (await api.call('GET', '/api/v1/public/demands?pageSize=1')).body;
    expect(first.items.length > 0 || first.nextCursor === null).toBe(true);
    // The demand's page asks how its public text stands; someone outside the region learns nothing.
    expect((await api.call('GET', `/api/v1/moderation/demand/${id}`, { token: world.tokens.operator })).body).toMatchObject({
      state: 'hidden',
      reason: '含广告',
      text: '楼道灯不亮\n联系我买保健品 楼道灯坏了一周',
    });
    expect((await api.call('GET', `/api/v1/moderation/reply/${id}`, { token: world.tokens.operator })).body).toMatchObject({
      state: 'redacted',
      shown: '已修复。〔已删除〕',
    });
    expect((await api.call('GET', `/api/v1/moderation/demand/${id}`, { token: world.tokens.operatorT2 })).status).toBe(404);
    // Decided items leave the published list for the queue.
    const after = (await api.call('GET', '/api/v1/moderation/published', { token: world.tokens.operator })).body.items;
    expect(after.some((i: { id: number; kind: string }) => i.id === id && (i.kind === 'demand' || i.kind === 'reply'))).toBe(false);
    const queue = (await api.call('GET', '/api/v1/moderation/queue', { token: world.tokens.operator })).body.items;
    expect(queue).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'demand', id, state: 'hidden', reason: '含广告' })]));

    // The resident hears by SMS, the unit in its console; the audit trail has both decisions.
    const told = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(5);
    expect(told.find((m) => m.template === 'moderated')?.body).toContain('原因：含广告');
    expect(told.find((m) => m.channel === 'console' && m.recipient === `unit:${world.deptA.id}:handlers`)?.body).toContain('不当用语');
    const trail = await api.call('GET', `/api/v1/audit-events?resource=demand&resourceId=${id}`, { token: world.tokens.admin });
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('hide');

    // Restored, it is public again as written.
    await api.call('POST', `/api/v1/moderation/demand/${id}/restore`, { token: world.tokens.operator });
    expect(await publicItem()).toMatchObject({ title: '楼道灯不亮', content: '联系我买保健品 楼道灯坏了一周' });
  });
});
