import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { hostileContent, hostileTitle, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const intake = (extra: Record<string, unknown> = {}) =>
  api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: {
      channel: 'hotline',
      type: 'complaint',
      title: hostileTitle,
      content: hostileContent,
      reporterName: '张阿姨',
      reporterPhone: '138 1234 5678',
      regionId: world.c1.id,
      categoryId: world.lights.id,
      ...extra,
    },
  });

describe('the whole loop over HTTP', () => {
  it('resident submits → dispatched → acknowledged → replied → called back → closed, and the resident sees it', async () => {
    const submitted = await api.call('POST', '/api/v1/public/demands', {
      body: { content: hostileContent, title: hostileTitle, reporterPhone: '13912345678', regionId: world.c1.id, address: '丽发新城 3 栋' },
    });
    expect(submitted.status).toBe(201);
    const { number, queryCode } = submitted.body;
    expect(number).toMatch(/^\d{14}$/);
    expect(queryCode).toMatch(/^\d{6}$/);
    expect(submitted.body.demand.title).toBe(hostileTitle);

    const list = await api.call('GET', `/api/v1/demands?state=registered&q=${encodeURIComponent(number)}`, {
      token: world.tokens.operator,
    });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const id = list.body.items[0].id;
    expect(list.body.items[0].channel).toBe('web');

    const steps: [string, string, unknown, string][] = [
      ['dispatcher', 'dispatch', { unitId: world.deptA.id, categoryId: world.lights.id }, 'dispatched'],
      ['handlerA', 'acknowledge', {}, 'acknowledged'],
      ['handlerA', 'reply', { reply: '已于今日修复路灯 <b>谢谢</b>' }, 'replied'],
      ['operator', 'callback', { satisfaction: 'satisfied', solved: true, comment: '满意' }, 'callback_done'],
      ['operator', 'close', {}, 'closed'],
    ];
    for (const [who, verb, body, state] of steps) {
      const r = await api.call('POST', `/api/v1/demands/${id}/${verb}`, { token: world.tokens[who as keyof World['tokens']], body });
      expect(r.status, `${verb}: ${r.text}`).toBe(200);
      expect(r.body.state).toBe(state);
    }
    const detail = await api.call('GET', `/api/v1/demands/${id}`, { token: world.tokens.supervisor });
    expect(detail.body.events.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'dispatch',
      'acknowledge',
      'reply',
      'record_callback',
      'close',
    ]);
    expect(detail.body.events[1].actor.name).toBe('测试 dispatcher');

    const seen = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number, phone: '139-1234-5678' } });
    expect(seen.status).toBe(200);
    expect(seen.body.state).toBe('closed');
    expect(seen.body.replyText).toBe('已于今日修复路灯 <b>谢谢</b>');
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'dispatch',
      'acknowledge',
      'reply',
      'record_callback',
      'close',
    ]);
    const byCode = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number, queryCode } });
    expect(byCode.body.state).toBe('closed');
    // Text comes back exactly as typed, inside JSON that browsers are told never to sniff as HTML.
    expect(seen.body.title).toBe(hostileTitle);
    expect(seen.headers.get('content-type')).toMatch(/application\/json/);
    expect(seen.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('return and re-dispatch', async () => {
    const id = (await intake()).body.id;
    await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptB.id } });
    const noReason = await api.call('POST', `/api/v1/demands/${id}/return`, { token: world.tokens.handlerB, body: { reason: '' } });
    expect(noReason.status).toBe(400);
    const ret = await api.call('POST', `/api/v1/demands/${id}/return`, { token: world.tokens.handlerB, body: { reason: '非本单位职责' } });
    expect(ret.body.state).toBe('returned');
    const queue = await api.call('GET', '/api/v1/demands?state=registered,returned', { token: world.tokens.dispatcher });
    expect(queue.body.items.map((d: { id: number }) => d.id)).toContain(id);
    const again = await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: {} });
    expect(again.body.unit.id).toBe(world.t1Gov.id);
  });

  it('extension request and approval', async () => {
    const id = (await intake()).body.id;
    await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await api.call('POST', `/api/v1/demands/${id}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    const before = (await api.call('GET', `/api/v1/demands/${id}`, { token: world.tokens.handlerA })).body.replyDueAt;
    const req = await api.call('POST', `/api/v1/demands/${id}/extension-requests`, {
      token: world.tokens.handlerA,
      body: { extraWorkdays: 5, reason: '需协调' },
    });
    expect(req.status).toBe(200);
    const pending = await api.call('POST', `/api/v1/demands/${id}/extension-requests`, {
      token: world.tokens.handlerA,
      body: { extraWorkdays: 5, reason: '需协调' },
    });
    expect(pending.status).toBe(409);
    expect(pending.body.error.code).toBe('demand.extension_pending');
    const ok = await api.call('POST', `/api/v1/demands/${id}/extension-decision`, {
      token: world.tokens.supervisor,
      body: { approve: true },
    });
    expect(ok.status).toBe(200);
    expect(new Date(ok.body.replyDueAt).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(ok.body.extensionRequests[0].status).toBe('approved');
  });

  it('reopen after an unsatisfied callback given by the resident on the portal', async () => {
    const created = await intake({ reporterPhone: '13700000001' });
    const { id, number } = created.body;
    for (const [who, verb, body] of [
      ['dispatcher', 'dispatch', { unitId: world.deptA.id }],
      ['handlerA', 'acknowledge', {}],
      ['handlerA', 'reply', { reply: '已处理' }],
    ] as const) {
      expect((await api.call('POST', `/api/v1/demands/${id}/${verb}`, { token: world.tokens[who], body })).status).toBe(200);
    }
    const feedback = await api.call('POST', '/api/v1/public/demands/feedback', {
      body: { number, phone: '13700000001', satisfaction: 'unsatisfied', solved: false, comment: '路灯还是不亮' },
    });
    expect(feedback.status).toBe(200);
    expect(feedback.body.state).toBe('callback_done');
    const again = await api.call('POST', '/api/v1/public/demands/feedback', {
      body: { number, phone: '13700000001', satisfaction: 'satisfied', solved: true },
    });
    expect(again.status).toBe(409);
    const reopened = await api.call('POST', `/api/v1/demands/${id}/reopen`, {
      token: world.tokens.supervisor,
      body: { reason: '居民反映未解决' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('dispatched');
    expect(reopened.body.reopenCount).toBe(1);
  });

  it('merge and decline', async () => {
    const a = (await intake()).body.id;
    const b = (await intake()).body.id;
    const merged = await api.call('POST', `/api/v1/demands/${b}/merge`, { token: world.tokens.dispatcher, body: { intoDemandId: a } });
    expect(merged.body.state).toBe('merged');
    expect(merged.body.mergedIntoId).toBe(a);
    const unknown = await api.call('POST', `/api/v1/demands/${a}/merge`, {
      token: world.tokens.dispatcher,
      body: { intoDemandId: 99999999 },
    });
    expect(unknown.status).toBe(422);
    const declined = await api.call('POST', `/api/v1/demands/${a}/decline`, {
      token: world.tokens.dispatcher,
      body: { reason: '不属于受理范围' },
    });
    expect(declined.body.state).toBe('declined');
  });

  it('answers a consultation from the knowledge base', async () => {
    const article = await api.call('POST', '/api/v1/knowledge', {
      token: world.tokens.admin,
      body: { title: '医保特病办理', body: '携带病历到医保窗口', keywords: '特病 医保', status: 'approved', reviewedOn: '2026-11-01' },
    });
    expect(article.status).toBe(201);
    const found = await api.call('GET', `/api/v1/knowledge?q=${encodeURIComponent('特病')}`, { token: world.tokens.operator });
    expect(found.body.items.map((x: { id: number }) => x.id)).toContain(article.body.id);
    const id = (await intake({ type: 'consultation' })).body.id;
    const answered = await api.call('POST', `/api/v1/demands/${id}/answer`, {
      token: world.tokens.operator,
      body: { reply: found.body.items[0].body, knowledgeArticleId: article.body.id },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('replied');
  });

  it('lists overdue and soon-due demands', async () => {
    const id = (await intake()).body.id;
    const overdueNow = await api.call('GET', '/api/v1/demands?overdue=true&pageSize=100', { token: world.tokens.supervisor });
    expect(overdueNow.body.items.map((d: { id: number }) => d.id)).not.toContain(id);
    const soon = await api.call('GET', '/api/v1/demands?dueWithinHours=3&pageSize=100', { token: world.tokens.supervisor });
    expect(soon.body.items.map((d: { id: number }) => d.id)).toContain(id);
  });

  it('keeps an idempotent public submission to one demand', async () => {
    const body = {
      content: '同一条诉求重复提交',
      reporterPhone: '13600000000',
      regionId: world.c2.id,
      idempotencyKey: 'portal-abcdef-123',
    };
    const first = await api.call('POST', '/api/v1/public/demands', { body });
    const second = await api.call('POST', '/api/v1/public/demands', { body });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.number).toBe(first.body.number);
    expect(second.body.queryCode).toBeNull();
  });
});
