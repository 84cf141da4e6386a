import { desc, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import { auditEvents } from '../../src/kernel/index.js';
import { sha256 } from '../../src/lib/hash.js';
import { signatureHeaders } from '../../src/lib/signature.js';
import { assessmentRubrics } from '../../src/modules/assessments/index.js';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { trainingPlans } from '../../src/modules/trainings/index.js';
import { auditActionName, auditResourceNames } from '../../web/shared/audit-names.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { tinyPng as png, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

const smsSecret = 'audit-sms-secret';
beforeAll(
  async () => ({ database, world, api } = await setUpApiWorld(worldStart, { smsSecret, citySecret: smsSecret, pbxSecret: smsSecret })),
);
afterAll(() => tearDownApiWorld({ database, api }));

type Who = keyof World['tokens'] | 'resident';
type Call = {
  as: Who;
  path: string;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
  /** The audit events the change must write: [resource, action] each, in order. None for a read sent as POST. */
  writes: [string, string][];
};

const seat = (party: string, holderName: string, position?: string) => ({
  party,
  holderName,
  position,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
});
const day = (offset: number) => new Date(worldStart.getTime() + offset * 86_400_000).toISOString();

/** State shared by the steps: ids each step creates for the next. */
const s: Record<string, number | string> = {};
const id = (k: string) => s[k];
const localToday = () => new Date(worldStart.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function lastCode(phone: string) {
  const [m] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
  expect(m.recipient).toBe(phone);
  return m.body.match(/(\d{6})/)![1];
}

async function newDemand(key: string) {
  const r = await api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content: `${key} 路灯不亮`, reporterPhone: '13812345678', regionId: world.c1.id, categoryId: world.lights.id },
  });
  expect(r.status).toBe(201);
  s[key] = r.body.id;
  return r.body;
}

/**
 * Every write endpoint of the OpenAPI document, keyed "METHOD path", with a call that succeeds and
 * the audit events it must write. Steps run in this order and build on each other.
 */
const steps: Record<string, () => Promise<Call>> = {
  'POST /api/v1/auth/login': async () => ({
    as: 'resident',
    path: '/api/v1/auth/login',
    body: { username: 'admin', password: 'password-123' },
    writes: [['user', 'sign_in']],
  }),
  'POST /api/v1/auth/tokens': async () => ({
    as: 'admin',
    path: '/api/v1/auth/tokens',
    body: { name: 'integration' },
    writes: [['user', 'issue_token']],
  }),
  'POST /api/v1/users': async () => ({
    as: 'admin',
    path: '/api/v1/users',
    body: { username: 'wang.fang', displayName: '王芳', password: 'password-123', roles: [{ role: 'operator', regionId: world.t1.id }] },
    writes: [['user', 'create']],
  }),
  'POST /api/v1/auth/unlock-code': async () => {
    const made = await api.call('POST', '/api/v1/users', {
      token: world.tokens.admin,
      body: {
        username: 'unlock.me',
        displayName: '解锁',
        password: 'password-123',
        phone: '13700008888',
        roles: [{ role: 'operator', regionId: world.t1.id }],
      },
    });
    expect(made.status, made.text).toBe(201);
    return {
      as: 'resident',
      path: '/api/v1/auth/unlock-code',
      body: { username: 'unlock.me' },
      writes: [['phone_verification', 'send_code']],
    };
  },
  'POST /api/v1/auth/unlock': async () => ({
    as: 'resident',
    path: '/api/v1/auth/unlock',
    body: { username: 'unlock.me', code: await lastCode('13700008888') },
    writes: [['user', 'unlock']],
  }),
  'POST /api/v1/auth/tokens/{id}/revoke': async () => {
    const issued = await api.call('POST', '/api/v1/auth/tokens', {
      token: world.tokens.admin,
      body: { name: 'short-lived', expiresInDays: 1 },
    });
    return { as: 'admin', path: `/api/v1/auth/tokens/${issued.body.id}/revoke`, writes: [['user', 'revoke_token']] };
  },
  'POST /api/v1/users/{id}/password': async () => {
    const users = (await api.call('GET', '/api/v1/users', { token: world.tokens.admin })).body.items;
    s.wangfang = users.find((u: { username: string }) => u.username === 'wang.fang').id;
    return {
      as: 'admin',
      path: `/api/v1/users/${id('wangfang')}/password`,
      body: { password: 'temporary-123' },
      writes: [['user', 'reset_password']],
    };
  },
  'POST /api/v1/users/{id}/disable': async () => ({
    as: 'admin',
    path: `/api/v1/users/${id('wangfang')}/disable`,
    writes: [['user', 'disable']],
  }),
  'POST /api/v1/users/{id}/enable': async () => ({
    as: 'admin',
    path: `/api/v1/users/${id('wangfang')}/enable`,
    writes: [['user', 'enable']],
  }),
  'POST /api/v1/users/{id}/unlock': async () => ({
    as: 'admin',
    path: `/api/v1/users/${id('wangfang')}/unlock`,
    writes: [['user', 'unlock']],
  }),
  'POST /api/v1/auth/password': async () => ({
    as: 'handlerB',
    path: '/api/v1/auth/password',
    body: { currentPassword: 'password-123', newPassword: 'password-456' },
    writes: [['user', 'change_password']],
  }),
  'POST /api/v1/regions': async () => ({
    as: 'admin',
    path: '/api/v1/regions',
    body: { parentId: world.t2.id, level: 'community', name: '新村', code: 'D2b' },
    writes: [['region', 'create']],
  }),
  'POST /api/v1/units': async () => ({
    as: 'admin',
    path: '/api/v1/units',
    body: { name: '区水务局', kind: 'department', regionIds: [world.district.id] },
    writes: [['unit', 'create']],
  }),
  'POST /api/v1/categories': async () => ({
    as: 'admin',
    path: '/api/v1/categories',
    body: { parentId: null, name: '测试分类' },
    writes: [['category', 'create']],
  }),
  'PUT /api/v1/calendar/days': async () => ({
    as: 'admin',
    path: '/api/v1/calendar/days',
    body: { days: [{ day: '2030-01-02', kind: 'holiday', note: '测试' }] },
    writes: [['calendar', 'save_days']],
  }),
  'POST /api/v1/calendar/import': async () => ({
    as: 'admin',
    path: '/api/v1/calendar/import',
    raw: 'day,kind,note\n2030-01-03,休,测试',
    headers: { 'content-type': 'text/csv' },
    writes: [['calendar', 'save_days']],
  }),
  'DELETE /api/v1/calendar/days/{day}': async () => ({
    as: 'admin',
    path: '/api/v1/calendar/days/2030-01-03',
    writes: [['calendar', 'remove_day']],
  }),
  'PUT /api/v1/time-limits': async () => ({
    as: 'admin',
    path: '/api/v1/time-limits',
    body: { rules: [{ stage: 'reply', categoryId: null, urgency: null, amount: 7, unit: 'workdays' }] },
    writes: [['time_limits', 'replace']],
  }),
  'POST /api/v1/knowledge': async () => ({
    as: 'admin',
    path: '/api/v1/knowledge',
    body: { title: '高龄津贴', body: '八十周岁以上老人可申领高龄津贴。', status: 'approved' },
    writes: [['knowledge_article', 'create']],
  }),
  'PATCH /api/v1/knowledge/{id}': async () => {
    const [a] = (await api.call('GET', '/api/v1/knowledge', { token: world.tokens.admin })).body.items;
    return { as: 'admin', path: `/api/v1/knowledge/${a.id}`, body: { keywords: '八十 补贴' }, writes: [['knowledge_article', 'update']] };
  },
  'PATCH /api/v1/settings': async () => ({
    as: 'admin',
    path: '/api/v1/settings',
    body: { 'proposals.secondsThreshold': 2 },
    writes: [['settings', 'change']],
  }),
  'POST /api/v1/public/demands': async () => ({
    as: 'resident',
    path: '/api/v1/public/demands',
    body: { content: '小区门口路灯坏了', reporterPhone: '13900001111', regionId: world.c1.id },
    writes: [['demand', 'register']],
  }),
  'POST /api/v1/public/demands/lookup': async () => {
    const [d] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    const number = (await api.call('GET', `/api/v1/demands/${d.resourceId}`, { token: world.tokens.admin })).body.number;
    s.publicNumber = number;
    s.publicId = Number(d.resourceId);
    return { as: 'resident', path: '/api/v1/public/demands/lookup', body: { number, phone: '13900001111' }, writes: [] };
  },
  'POST /api/v1/demands': async () => ({
    as: 'operator',
    path: '/api/v1/demands',
    body: { content: '路灯不亮', reporterPhone: '13812345678', regionId: world.c1.id, categoryId: world.lights.id },
    writes: [['demand', 'register']],
  }),
  'POST /api/v1/demands/{id}/dispatch': async () => {
    await newDemand('loop');
    return {
      as: 'dispatcher',
      path: `/api/v1/demands/${id('loop')}/dispatch`,
      body: { unitId: world.deptA.id },
      writes: [['demand', 'dispatch']],
    };
  },
  'POST /api/v1/demands/{id}/acknowledge': async () => ({
    as: 'handlerA',
    path: `/api/v1/demands/${id('loop')}/acknowledge`,
    body: {},
    writes: [['demand', 'acknowledge']],
  }),
  'POST /api/v1/demands/{id}/extension-requests': async () => ({
    as: 'handlerA',
    path: `/api/v1/demands/${id('loop')}/extension-requests`,
    body: { extraWorkdays: 2, reason: '需要协调' },
    writes: [['demand', 'request_extension']],
  }),
  'POST /api/v1/demands/{id}/extension-decision': async () => ({
    as: 'supervisor',
    path: `/api/v1/demands/${id('loop')}/extension-decision`,
    body: { approve: true, reason: '同意' },
    writes: [['demand', 'decide_extension']],
  }),
  'POST /api/v1/demands/{id}/supervise': async () => ({
    as: 'supervisor',
    path: `/api/v1/demands/${id('loop')}/supervise`,
    body: { supervised: true, reason: '群众反映强烈' },
    writes: [['demand', 'supervise']],
  }),
  'POST /api/v1/demands/{id}/remind': async () => ({
    as: 'supervisor',
    path: `/api/v1/demands/${id('loop')}/remind`,
    body: { note: '请尽快办理' },
    writes: [['demand', 'remind']],
  }),
  'POST /api/v1/demands/dispatch-batch': async () => {
    await newDemand('batch');
    return {
      as: 'dispatcher',
      path: '/api/v1/demands/dispatch-batch',
      body: { items: [{ demandId: id('batch'), unitId: world.deptA.id }] },
      writes: [['demand', 'dispatch']],
    };
  },
  'POST /api/v1/demands/{id}/transfer': async () => ({
    as: 'handlerA',
    path: `/api/v1/demands/${id('batch')}/transfer`,
    body: { toUnitId: world.t1Gov.id, reason: '属街道职责' },
    writes: [['demand', 'request_transfer']],
  }),
  'POST /api/v1/demands/{id}/transfer-decision': async () => ({
    as: 'handlerT1',
    path: `/api/v1/demands/${id('batch')}/transfer-decision`,
    body: { accept: true },
    writes: [['demand', 'accept_transfer']],
  }),
  'POST /api/v1/demands/{id}/assist-acknowledge': async () => {
    await newDemand('joint');
    const r = await api.call('POST', `/api/v1/demands/${id('joint')}/dispatch`, {
      token: world.tokens.dispatcher,
      body: { unitId: world.deptA.id, assistingUnitIds: [world.t1Gov.id] },
    });
    expect(r.status, r.text).toBe(200);
    return {
      as: 'handlerT1',
      path: `/api/v1/demands/${id('joint')}/assist-acknowledge`,
      body: {},
      writes: [['demand', 'assist_acknowledge']],
    };
  },
  'POST /api/v1/demands/{id}/contribute': async () => ({
    as: 'handlerT1',
    path: `/api/v1/demands/${id('joint')}/contribute`,
    body: { contribution: '街道已配合现场核查' },
    writes: [['demand', 'contribute']],
  }),
  'POST /api/v1/demands/{id}/end-assist': async () => {
    await newDemand('helpless');
    const r = await api.call('POST', `/api/v1/demands/${id('helpless')}/dispatch`, {
      token: world.tokens.dispatcher,
      body: { unitId: world.deptA.id, assistingUnitIds: [world.deptB.id] },
    });
    expect(r.status, r.text).toBe(200);
    return {
      as: 'dispatcher',
      path: `/api/v1/demands/${id('helpless')}/end-assist`,
      body: { unitId: world.deptB.id, reason: '协办单位无回复' },
      writes: [['demand', 'end_assist']],
    };
  },
  'POST /api/v1/demands/{id}/callback-attempt': async () => {
    for (const [verb, body] of [
      ['acknowledge', {}],
      ['reply', { reply: '已修复' }],
    ] as const) {
      const r = await api.call('POST', `/api/v1/demands/${id('joint')}/${verb}`, { token: world.tokens.handlerA, body });
      expect(r.status, r.text).toBe(200);
    }
    return {
      as: 'operator',
      path: `/api/v1/demands/${id('joint')}/callback-attempt`,
      body: { note: '无人接听' },
      writes: [['demand', 'callback_attempt']],
    };
  },
  // Nothing here is a day overdue, so the sweep writes nothing (desk-work.db.test.ts shows it escalating).
  'POST /api/v1/escalations/run': async () => ({ as: 'supervisor', path: '/api/v1/escalations/run', writes: [] }),
  'POST /api/v1/demands/{id}/attachments': async () => ({
    as: 'handlerA',
    path: `/api/v1/demands/${id('loop')}/attachments`,
    raw: png,
    headers: { 'content-type': 'image/png', 'x-filename': 'photo.png' },
    writes: [['demand', 'attach']],
  }),
  'POST /api/v1/demands/{id}/reply': async () => ({
    as: 'handlerA',
    path: `/api/v1/demands/${id('loop')}/reply`,
    body: { reply: '已修复。' },
    writes: [['demand', 'reply']],
  }),
  'POST /api/v1/demands/{id}/callback': async () => ({
    as: 'operator',
    path: `/api/v1/demands/${id('loop')}/callback`,
    body: { satisfaction: 'unsatisfied', solved: false },
    writes: [['demand', 'record_callback']],
  }),
  'POST /api/v1/demands/{id}/reopen': async () => ({
    as: 'supervisor',
    path: `/api/v1/demands/${id('loop')}/reopen`,
    body: { reason: '居民不满意' },
    writes: [['demand', 'reopen']],
  }),
  'POST /api/v1/demands/{id}/return': async () => ({
    as: 'handlerA',
    path: `/api/v1/demands/${id('loop')}/return`,
    body: { reason: '不属于本单位' },
    writes: [['demand', 'return']],
  }),
  'POST /api/v1/demands/{id}/close': async () => {
    const d = await newDemand('closing');
    const run = (as: Who, verb: string, body: unknown) =>
      api.call('POST', `/api/v1/demands/${d.id}/${verb}`, { token: world.tokens[as as keyof World['tokens']], body });
    expect((await run('dispatcher', 'dispatch', { unitId: world.deptA.id })).status).toBe(200);
    expect((await run('handlerA', 'acknowledge', {})).status).toBe(200);
    expect((await run('handlerA', 'reply', { reply: '已处理' })).status).toBe(200);
    expect((await run('operator', 'callback', { satisfaction: 'satisfied', solved: true })).status).toBe(200);
    return { as: 'operator', path: `/api/v1/demands/${d.id}/close`, body: {}, writes: [['demand', 'close']] };
  },
  'POST /api/v1/demands/{id}/answer': async () => {
    const r = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { type: 'consultation', content: '高龄津贴怎么领', reporterPhone: '13812345678', regionId: world.c1.id },
    });
    return {
      as: 'operator',
      path: `/api/v1/demands/${r.body.id}/answer`,
      body: { reply: '请到社区服务中心申领。' },
      writes: [['demand', 'answer_directly']],
    };
  },
  'POST /api/v1/demands/{id}/merge': async () => {
    await newDemand('dupA');
    await newDemand('dupB');
    return {
      as: 'dispatcher',
      path: `/api/v1/demands/${id('dupB')}/merge`,
      body: { intoDemandId: id('dupA') },
      writes: [
        ['demand', 'merge'],
        ['demand', 'merge'],
      ],
    };
  },
  'POST /api/v1/demands/{id}/merged-callback': async () => {
    // mergedB is merged into mergedA, which is answered: mergedB's resident may rate the answer.
    await newDemand('mergedA');
    await newDemand('mergedB');
    const merged = await api.call('POST', `/api/v1/demands/${id('mergedB')}/merge`, {
      token: world.tokens.dispatcher,
      body: { intoDemandId: id('mergedA') },
    });
    expect(merged.status).toBe(200);
    const run = (token: string, verb: string, body: object) =>
      api.call('POST', `/api/v1/demands/${id('mergedA')}/${verb}`, { token, body });
    expect((await run(world.tokens.dispatcher, 'dispatch', { unitId: world.deptA.id })).status).toBe(200);
    expect((await run(world.tokens.handlerA, 'acknowledge', {})).status).toBe(200);
    expect((await run(world.tokens.handlerA, 'reply', { reply: '路灯已修复' })).status).toBe(200);
    return {
      as: 'operator',
      path: `/api/v1/demands/${id('mergedB')}/merged-callback`,
      body: { satisfaction: 'satisfied', solved: true },
      writes: [['demand', 'rate_merged']],
    };
  },
  'POST /api/v1/demands/{id}/decline': async () => ({
    as: 'dispatcher',
    path: `/api/v1/demands/${id('dupA')}/decline`,
    body: { reason: '属于诉讼事项' },
    writes: [['demand', 'decline']],
  }),
  'POST /api/v1/demands/{id}/withdraw': async () => {
    await newDemand('withdrawn');
    return {
      as: 'operator',
      path: `/api/v1/demands/${id('withdrawn')}/withdraw`,
      body: { reason: '居民来电撤回' },
      writes: [['demand', 'withdraw']],
    };
  },
  'POST /api/v1/public/demands/{number}/attachments': async () => {
    const submitted = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '井盖缺失', reporterPhone: '13900002222', regionId: world.c1.id },
    });
    s.ownNumber = submitted.body.number;
    s.ownCode = submitted.body.queryCode;
    return {
      as: 'resident',
      path: `/api/v1/public/demands/${submitted.body.number}/attachments`,
      raw: png,
      headers: { 'content-type': 'image/png', 'x-query-code': submitted.body.queryCode },
      writes: [['demand', 'attach']],
    };
  },
  'POST /api/v1/public/demands/withdraw': async () => ({
    as: 'resident',
    path: '/api/v1/public/demands/withdraw',
    body: { number: id('ownNumber'), queryCode: id('ownCode'), reason: '已自行解决' },
    writes: [['demand', 'withdraw']],
  }),
  'POST /api/v1/public/demands/feedback': async () => {
    const d = await newDemand('feedback');
    const run = (as: Who, verb: string, body: unknown) =>
      api.call('POST', `/api/v1/demands/${d.id}/${verb}`, { token: world.tokens[as as keyof World['tokens']], body });
    await run('dispatcher', 'dispatch', { unitId: world.deptA.id });
    await run('handlerA', 'acknowledge', {});
    await run('handlerA', 'reply', { reply: '已处理' });
    return {
      as: 'resident',
      path: '/api/v1/public/demands/feedback',
      body: { number: d.number, phone: '13812345678', satisfaction: 'satisfied', solved: true },
      writes: [['demand', 'record_callback']],
    };
  },
  'POST /api/v1/topics/refresh': async () => ({ as: 'supervisor', path: '/api/v1/topics/refresh', writes: [] }),
  'POST /api/v1/initiatives': async () => {
    await newDemand('topicA');
    await newDemand('topicB');
    return {
      as: 'supervisor',
      path: '/api/v1/initiatives',
      body: { title: '丽发新城路灯', unitId: world.deptA.id, demandIds: [id('topicA'), id('topicB')] },
      writes: [['initiative', 'create']],
    };
  },
  'POST /api/v1/initiatives/{id}/answer': async () => {
    const list = (await api.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor })).body.items;
    const writes: [string, string][] = [];
    for (const _ of [1, 2]) writes.push(['demand', 'dispatch'], ['demand', 'acknowledge'], ['demand', 'reply']);
    return {
      as: 'supervisor',
      path: `/api/v1/initiatives/${list[0].id}/answer`,
      body: { answer: '路灯已全部更换。', recipients: list[0].demandIds },
      writes: [...writes, ['initiative', 'answer']],
    };
  },
  'POST /api/v1/initiatives/{id}/members/{demandId}/remove': async () => {
    const list = (await api.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor })).body.items;
    return {
      as: 'supervisor',
      path: `/api/v1/initiatives/${list[0].id}/members/${list[0].demandIds[0]}/remove`,
      body: { reason: '不是同一件事' },
      writes: [['initiative', 'remove_member']],
    };
  },
  'POST /api/v1/reception-days': async () => ({
    as: 'operator',
    path: '/api/v1/reception-days',
    body: { title: '书记接待日', regionId: world.c1.id, hosts: '社区书记', place: '社区服务中心', startsAt: day(0), endsAt: day(0.1) },
    writes: [['reception_day', 'schedule']],
  }),
  'POST /api/v1/reception-days/{id}/entries': async () => {
    const list = (await api.call('GET', '/api/v1/reception-days', { token: world.tokens.operator })).body.items;
    s.reception = list[0].id;
    return {
      as: 'operator',
      path: `/api/v1/reception-days/${list[0].id}/entries`,
      body: { content: '跑道破损', reporterContact: '社区转达', regionId: world.c1.id, idempotencyKey: 'table-entry-0001' },
      writes: [
        ['demand', 'register'],
        ['reception_day', 'record_entry'],
      ],
    };
  },
  'POST /api/v1/reception-days/{id}/publish': async () => ({
    as: 'operator',
    path: `/api/v1/reception-days/${id('reception')}/publish`,
    writes: [['reception_day', 'publish_report']],
  }),
  'POST /api/v1/councils': async () => ({
    as: 'operator',
    path: '/api/v1/councils',
    body: {
      regionId: world.c1.id,
      name: '四方议事会',
      seats: [seat('party_org', '李书记', 'chair'), seat('residents_committee', '王主任'), seat('resident_rep', '陈大爷')],
    },
    writes: [['council', 'create']],
  }),
  'POST /api/v1/councils/{id}/meetings': async () => {
    const list = (await api.call('GET', '/api/v1/councils', { token: world.tokens.operator })).body.items;
    s.council = list[0].id;
    return {
      as: 'operator',
      path: `/api/v1/councils/${list[0].id}/meetings`,
      body: { title: '议事会', place: '会议室', startsAt: day(-1) },
      writes: [['council_meeting', 'schedule']],
    };
  },
  'POST /api/v1/meetings/{id}/agenda-items': async () => {
    const council = (await api.call('GET', `/api/v1/councils/${id('council')}`, { token: world.tokens.operator })).body;
    s.meeting = council.meetings[0].id;
    s.seats = council.seats.map((x: { id: number }) => x.id).join(',');
    return {
      as: 'operator',
      path: `/api/v1/meetings/${id('meeting')}/agenda-items`,
      body: { source: 'free', title: '路灯改造' },
      writes: [['agenda_item', 'add']],
    };
  },
  'PUT /api/v1/meetings/{id}/attendance': async () => ({
    as: 'operator',
    path: `/api/v1/meetings/${id('meeting')}/attendance`,
    body: { presentSeatIds: String(id('seats')).split(',').map(Number) },
    writes: [['council_meeting', 'record_attendance']],
  }),
  'POST /api/v1/agenda-items/{id}/votes': async () => {
    const meeting = (await api.call('GET', `/api/v1/meetings/${id('meeting')}`, { token: world.tokens.operator })).body;
    s.item = meeting.agenda[0].id;
    const votes = String(id('seats'))
      .split(',')
      .map((x) => ({ seatId: Number(x), choice: 'for' }));
    return { as: 'operator', path: `/api/v1/agenda-items/${id('item')}/votes`, body: { votes }, writes: [['agenda_item', 'vote']] };
  },
  'POST /api/v1/agenda-items/{id}/resolution': async () => ({
    as: 'operator',
    path: `/api/v1/agenda-items/${id('item')}/resolution`,
    body: { text: '更换路灯', actionItems: [{ title: '更换路灯', ownerUnitId: world.deptA.id, dueOn: '2030-01-31' }] },
    writes: [['resolution', 'adopt']],
  }),
  'POST /api/v1/public/resolutions/{id}/comments': async () => {
    const notices = (await api.call('GET', `/api/v1/public/notices?regionId=${world.c1.id}`)).body.items;
    s.actionItem = (
      await api.call('GET', `/api/v1/meetings/${id('meeting')}`, { token: world.tokens.operator })
    ).body.resolutions[0].actionItems[0].id;
    return {
      as: 'resident',
      path: `/api/v1/public/resolutions/${notices[0].id}/comments`,
      body: { body: '支持' },
      writes: [['notice_comment', 'comment']],
    };
  },
  'POST /api/v1/meetings/{id}/close': async () => ({
    as: 'operator',
    path: `/api/v1/meetings/${id('meeting')}/close`,
    body: { minutes: '通过' },
    writes: [['council_meeting', 'close']],
  }),
  'POST /api/v1/meetings/{id}/corrections': async () => ({
    as: 'operator',
    path: `/api/v1/meetings/${id('meeting')}/corrections`,
    body: { body: '更正：到会三席' },
    writes: [['council_meeting', 'correct']],
  }),
  'PATCH /api/v1/action-items/{id}': async () => ({
    as: 'operator',
    path: `/api/v1/action-items/${id('actionItem')}`,
    body: { status: 'done' },
    writes: [['action_item', 'update_status']],
  }),
  'POST /api/v1/action-items/overdue/run': async () => ({ as: 'supervisor', path: '/api/v1/action-items/overdue/run', writes: [] }),
  'POST /api/v1/public/verification-codes': async () => ({
    as: 'resident',
    path: '/api/v1/public/verification-codes',
    body: { phone: '13900003333' },
    writes: [['phone_verification', 'send_code']],
  }),
  'POST /api/v1/public/proposals': async () => ({
    as: 'resident',
    path: '/api/v1/public/proposals',
    body: {
      regionId: world.c1.id,
      title: '增设休息座椅',
      body: '广场缺少座椅。',
      phone: '13900003333',
      code: await lastCode('13900003333'),
    },
    writes: [['proposal', 'submit']],
  }),
  'POST /api/v1/public/proposals/{id}/seconds': async () => {
    const list = (await api.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`)).body.items;
    s.proposal = list[0].id;
    await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13900004444' } });
    return {
      as: 'resident',
      path: `/api/v1/public/proposals/${id('proposal')}/seconds`,
      body: { phone: '13900004444', code: await lastCode('13900004444') },
      writes: [['proposal', 'second']],
    };
  },
  'POST /api/v1/proposals': async () => ({
    as: 'operator',
    path: '/api/v1/proposals',
    body: { regionId: world.c1.id, title: '增设座椅', body: '同上', phone: '13900005555' },
    writes: [['proposal', 'submit']],
  }),
  'POST /api/v1/proposals/{id}/seconds': async () => ({
    as: 'operator',
    path: `/api/v1/proposals/${id('proposal')}/seconds`,
    body: { phone: '13900006666' },
    writes: [['proposal', 'second']],
  }),
  'POST /api/v1/proposals/{id}/merge': async () => {
    const list = (await api.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`)).body.items;
    const other = list.find((p: { id: number }) => p.id !== id('proposal'));
    return {
      as: 'operator',
      path: `/api/v1/proposals/${other.id}/merge`,
      body: { intoId: id('proposal') },
      writes: [['proposal', 'merge']],
    };
  },
  'POST /api/v1/moderation/{kind}/{id}/hide': async () => ({
    as: 'operator',
    path: `/api/v1/moderation/proposal/${id('proposal')}/hide`,
    body: { reason: '广告' },
    writes: [['proposal', 'hide']],
  }),
  'POST /api/v1/moderation/{kind}/{id}/restore': async () => ({
    as: 'operator',
    path: `/api/v1/moderation/proposal/${id('proposal')}/restore`,
    writes: [['proposal', 'restore']],
  }),
  'POST /api/v1/moderation/{kind}/{id}/redact': async () => ({
    as: 'operator',
    path: `/api/v1/moderation/proposal/${id('proposal')}/redact`,
    body: { passage: '广场', reason: '地址不宜公开' },
    writes: [['proposal', 'redact']],
  }),
  'POST /api/v1/public/moderation/status': async () => {
    // The token went back to the proposer; here a known one takes its place (only its hash is kept).
    await database.db.execute(
      sql`update author_receipts set token_hash = ${sha256('known-token')} where kind = 'proposal' and ref_id = ${id('proposal')}`,
    );
    return {
      as: 'resident',
      path: '/api/v1/public/moderation/status',
      body: { kind: 'proposal', id: id('proposal'), token: 'known-token' },
      writes: [],
    };
  },
  'POST /api/v1/assessment-rubrics': async () => ({
    as: 'operator',
    path: '/api/v1/assessment-rubrics',
    body: { name: '审计测试', aspects: [{ key: 'a', name: '资料', items: [{ key: 'ok', name: '合格', kind: 'pass_fail' }] }] },
    writes: [['assessment_rubric', 'create']],
  }),
  'POST /api/v1/assessments': async () => {
    const rubrics = await database.db
      .select({ id: assessmentRubrics.id })
      .from(assessmentRubrics)
      .orderBy(desc(assessmentRubrics.id))
      .limit(1);
    return {
      as: 'operator',
      path: '/api/v1/assessments',
      body: {
        kind: 'audit',
        title: '抽查',
        regionId: world.district.id,
        rubricId: rubrics[0].id,
        startsOn: '2026-01-01',
        endsOn: '2026-01-15',
        assignment: 'balanced',
      },
      writes: [['assessment', 'create']],
    };
  },
  'POST /api/v1/assessments/{id}/subjects': async () => {
    const list = (await api.call('GET', '/api/v1/assessments', { token: world.tokens.operator })).body.items;
    s.assessment = list[0].id;
    return {
      as: 'operator',
      path: `/api/v1/assessments/${id('assessment')}/subjects`,
      body: { subjects: [{ kind: 'unit', ref: 'U1', name: '区城市管理局', unitId: world.deptA.id }] },
      writes: [['assessment', 'add_subjects']],
    };
  },
  'POST /api/v1/assessments/{id}/population': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/population`,
    body: { format: 'csv', data: '编号,单位\nF1,区城市管理局\nF2,区城市管理局\n', columns: { ref: '编号', unit: '单位' } },
    writes: [['assessment', 'add_subjects']],
  }),
  'POST /api/v1/assessments/{id}/population/demands': async () => {
    const today = localToday();
    return {
      as: 'operator',
      path: `/api/v1/assessments/${id('assessment')}/population/demands`,
      body: { from: today, to: today },
      writes: [['assessment', 'add_subjects']],
    };
  },
  'POST /api/v1/assessments/{id}/sample': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/sample`,
    body: { size: 1, seed: 'audit' },
    writes: [['assessment', 'draw_sample']],
  }),
  'POST /api/v1/assessments/{id}/panel': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/panel`,
    body: {
      members: [
        { userId: world.actors.supervisor.userId, role: 'assessor' },
        { userId: world.actors.handlerB.userId, role: 'expert' },
      ],
    },
    writes: [['assessment', 'set_panel']],
  }),
  'POST /api/v1/assessments/{id}/assign': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/assign`,
    writes: [['assessment', 'assign']],
  }),
  'POST /api/v1/assessments/{id}/reports': async () => ({
    as: 'handlerA',
    path: `/api/v1/assessments/${id('assessment')}/reports`,
    body: { kind: 'self_inspection', body: '已自查' },
    writes: [['assessment_report', 'submit']],
  }),
  'POST /api/v1/assessments/{id}/open': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/open`,
    writes: [['assessment', 'open']],
  }),
  'POST /api/v1/assessments/{id}/scores': async () => {
    const subjects = (await api.call('GET', `/api/v1/assessments/${id('assessment')}/subjects`, { token: world.tokens.operator })).body
      .items;
    s.unitSubject = subjects.find((x: { ref: string }) => x.ref === 'U1').id;
    s.recordSubject = subjects.find((x: { ref: string }) => x.ref !== 'U1').id;
    return {
      as: 'supervisor',
      path: `/api/v1/assessments/${id('assessment')}/scores`,
      body: { entries: [{ subjectId: id('unitSubject'), items: [{ itemKey: 'ok', passed: false, reason: '台账不全' }] }] },
      writes: [['assessment_subject', 'score']],
    };
  },
  'POST /api/v1/assessments/{id}/consultations': async () => ({
    as: 'supervisor',
    path: `/api/v1/assessments/${id('assessment')}/consultations`,
    body: { subjectId: id('recordSubject'), itemKey: 'ok', question: '疑难' },
    writes: [['assessment_consultation', 'request']],
  }),
  'POST /api/v1/assessment-consultations/{id}/decision': async () => {
    const view = (await api.call('GET', `/api/v1/assessments/${id('assessment')}`, { token: world.tokens.operator })).body;
    return {
      as: 'handlerB',
      path: `/api/v1/assessment-consultations/${view.consultations[0].id}/decision`,
      body: { passed: true, finding: '合格' },
      writes: [['assessment_consultation', 'decide']],
    };
  },
  'POST /api/v1/assessments/{id}/close': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/close`,
    writes: [['assessment', 'close']],
  }),
  'POST /api/v1/assessments/{id}/rectifications': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/rectifications`,
    body: { workingDays: 5 },
    writes: [['rectification_task', 'open']],
  }),
  'POST /api/v1/rectification-tasks/{id}/evidence': async () => {
    const tasks = (await api.call('GET', '/api/v1/rectification-tasks', { token: world.tokens.handlerA })).body.items;
    s.task = tasks[0].id;
    return {
      as: 'handlerA',
      path: `/api/v1/rectification-tasks/${id('task')}/evidence`,
      body: { evidence: '已补齐台账' },
      writes: [['rectification_task', 'submit']],
    };
  },
  'POST /api/v1/rectification-tasks/{id}/recheck': async () => ({
    as: 'operator',
    path: `/api/v1/rectification-tasks/${id('task')}/recheck`,
    body: { accepted: true },
    writes: [['rectification_task', 'close']],
  }),
  'POST /api/v1/assessments/{id}/publish': async () => ({
    as: 'operator',
    path: `/api/v1/assessments/${id('assessment')}/publish`,
    writes: [['assessment', 'publish']],
  }),
  'POST /api/v1/appointment-programmes': async () => ({
    as: 'operator',
    path: '/api/v1/appointment-programmes',
    body: {
      name: '产业村长',
      regionId: world.district.id,
      postKind: 'village',
      rules: '办法',
      duties: ['项目引进'],
      targets: [{ by: '2030-12-31', share: 1 }],
      termMonths: 36,
    },
    writes: [['appointment_programme', 'create']],
  }),
  'POST /api/v1/appointment-programmes/{id}/candidates': async () => {
    s.programme = (await api.call('GET', '/api/v1/appointment-programmes', { token: world.tokens.operator })).body.items[0].id;
    return {
      as: 'operator',
      path: `/api/v1/appointment-programmes/${id('programme')}/candidates`,
      body: { candidates: [{ postRegionId: world.c3.id, name: '候选人', background: '农技专家', nominatedBy: 'self' }] },
      writes: [['appointee', 'nominate']],
    };
  },
  'POST /api/v1/appointees/{id}/review': async () => {
    s.appointee = (
      await api.call('GET', `/api/v1/appointment-programmes/${id('programme')}/appointees`, { token: world.tokens.operator })
    ).body.items[0].id;
    return {
      as: 'operator',
      path: `/api/v1/appointees/${id('appointee')}/review`,
      body: { approved: true },
      writes: [['appointee', 'approve']],
    };
  },
  'POST /api/v1/appointment-programmes/{id}/decisions': async () => ({
    as: 'operator',
    path: `/api/v1/appointment-programmes/${id('programme')}/decisions`,
    body: { appointeeIds: [id('appointee')], on: localToday(), letterPrefix: '聘' },
    writes: [['appointee', 'appoint']],
  }),
  'POST /api/v1/appointees/{id}/pairing': async () => ({
    as: 'operator',
    path: `/api/v1/appointees/${id('appointee')}/pairing`,
    body: { supportName: '副镇长' },
    writes: [['appointee', 'pair']],
  }),
  'POST /api/v1/appointees/{id}/work': async () => ({
    as: 'operator',
    path: `/api/v1/appointees/${id('appointee')}/work`,
    body: { kind: 'project', happenedOn: localToday(), summary: '引进项目', duty: '项目引进' },
    writes: [['appointee', 'log_work']],
  }),
  'POST /api/v1/appointees/{id}/renewal': async () => ({
    as: 'operator',
    path: `/api/v1/appointees/${id('appointee')}/renewal`,
    writes: [['appointee', 'renew']],
  }),
  'POST /api/v1/appointees/{id}/dismissal': async () => ({
    as: 'operator',
    path: `/api/v1/appointees/${id('appointee')}/dismissal`,
    body: { on: localToday(), reason: '工作调动' },
    writes: [['appointee', 'dismiss']],
  }),
  'POST /api/v1/training-plans': async () => ({
    as: 'operator',
    path: '/api/v1/training-plans',
    body: { title: '年度培训计划', year: 2026, organiser: '区社院', regionId: world.district.id },
    writes: [['training_plan', 'create']],
  }),
  'POST /api/v1/courses': async () => {
    const start = worldStart.getTime() - 10 * 60_000;
    return {
      as: 'operator',
      path: '/api/v1/courses',
      body: {
        title: '摄影课',
        organiser: '党群服务中心',
        venue: '美育教室',
        regionId: world.district.id,
        audience: 'open',
        capacity: 1,
        sessions: [
          { topic: '第一课', place: '教室', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() },
        ],
      },
      writes: [['course', 'create']],
    };
  },
  'POST /api/v1/training-plans/{id}/review': async () => {
    const plans = await database.db.select({ id: trainingPlans.id }).from(trainingPlans).orderBy(desc(trainingPlans.id)).limit(1);
    return {
      as: 'supervisor',
      path: `/api/v1/training-plans/${plans[0].id}/review`,
      body: { approved: true },
      writes: [['training_plan', 'approve']],
    };
  },
  'POST /api/v1/courses/{id}/enrolments': async () => {
    s.course = (await api.call('GET', '/api/v1/courses', { token: world.tokens.operator })).body.items[0].id;
    return {
      as: 'operator',
      path: `/api/v1/courses/${id('course')}/enrolments`,
      body: { name: '学员甲', phone: '13911110001' },
      writes: [['enrolment', 'enrol']],
    };
  },
  'POST /api/v1/public/courses/{id}/enrolments': async () => {
    await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13911110002' } });
    return {
      as: 'resident',
      path: `/api/v1/public/courses/${id('course')}/enrolments`,
      body: { name: '学员乙', phone: '13911110002', code: await lastCode('13911110002') },
      writes: [['enrolment', 'waitlist']],
    };
  },
  'POST /api/v1/enrolments/{id}/cancel': async () => {
    const course = (await api.call('GET', `/api/v1/courses/${id('course')}`, { token: world.tokens.operator })).body;
    const first = course.enrolments.find((e: { state: string }) => e.state === 'enrolled');
    return {
      as: 'operator',
      path: `/api/v1/enrolments/${first.id}/cancel`,
      writes: [
        ['enrolment', 'cancel'],
        ['enrolment', 'promote'],
      ],
    };
  },
  'POST /api/v1/public/enrolments/cancel': async () => {
    await api.call('POST', `/api/v1/courses/${id('course')}/enrolments`, {
      token: world.tokens.operator,
      body: { name: '学员丙', phone: '13911110003' },
    });
    await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13911110003' } });
    return {
      as: 'resident',
      path: '/api/v1/public/enrolments/cancel',
      body: { courseId: id('course'), phone: '13911110003', code: await lastCode('13911110003') },
      writes: [['enrolment', 'cancel']],
    };
  },
  'POST /api/v1/public/check-ins': async () => {
    const course = (await api.call('GET', `/api/v1/courses/${id('course')}`, { token: world.tokens.operator })).body;
    s.checkinCode = course.sessions[0].checkinCode;
    s.session = course.sessions[0].id;
    await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13911110002' } });
    return {
      as: 'resident',
      path: '/api/v1/public/check-ins',
      body: { code: s.checkinCode, phone: '13911110002', smsCode: await lastCode('13911110002') },
      writes: [['enrolment', 'check_in']],
    };
  },
  'POST /api/v1/course-sessions/{id}/attendance': async () => {
    const course = (await api.call('GET', `/api/v1/courses/${id('course')}`, { token: world.tokens.operator })).body;
    const learner = course.enrolments.find((e: { state: string }) => e.state === 'enrolled');
    s.learner = learner.id;
    // The learner already checked in by QR: marking them again from the list changes nothing and writes nothing.
    return {
      as: 'operator',
      path: `/api/v1/course-sessions/${id('session')}/attendance`,
      body: { enrolmentIds: [learner.id] },
      writes: [],
    };
  },
  'POST /api/v1/public/session-feedback': async () => {
    await api.call('POST', '/api/v1/public/verification-codes', { body: { phone: '13911110002' } });
    return {
      as: 'resident',
      path: '/api/v1/public/session-feedback',
      body: { code: id('checkinCode'), phone: '13911110002', smsCode: await lastCode('13911110002'), rating: 5, comment: '很好' },
      writes: [['enrolment', 'feedback']],
    };
  },
  'POST /api/v1/courses/{id}/demands': async () => ({
    as: 'operator',
    path: `/api/v1/courses/${id('course')}/demands`,
    body: { content: '教室灯光太暗', reporterContact: '学员当场反映', regionId: world.c1.id, idempotencyKey: 'activity-0001' },
    writes: [
      ['demand', 'register'],
      ['course', 'record_demand'],
    ],
  }),
  'POST /api/v1/courses/{id}/certificates': async () => ({
    as: 'operator',
    path: `/api/v1/courses/${id('course')}/certificates`,
    body: { prefix: '结业' },
    writes: [['enrolment', 'certify']],
  }),
  'POST /api/v1/open311/keys': async () => ({
    as: 'admin',
    path: '/api/v1/open311/keys',
    body: { name: '随手拍', regionId: world.t1.id },
    writes: [['open311_key', 'issue']],
  }),
  'POST /api/v1/open311/keys/{id}/revoke': async () => {
    const keys = (await api.call('GET', '/api/v1/open311/keys', { token: world.tokens.admin })).body.items;
    return { as: 'admin', path: `/api/v1/open311/keys/${keys[0].id}/revoke`, writes: [['open311_key', 'revoke']] };
  },
  'POST /api/v1/city/work-orders': async () => {
    const raw = JSON.stringify({
      cityNumber: 'SZ-AUDIT-1',
      receivedAt: day(0),
      dueAt: day(1),
      type: 'complaint',
      content: '市级转派：路灯不亮',
      regionCode: 'D1a',
    });
    return {
      as: 'resident',
      path: '/api/v1/city/work-orders',
      raw,
      headers: { 'content-type': 'application/json', ...signatureHeaders(smsSecret, raw, new Date()) },
      writes: [['demand', 'register']],
    };
  },
  'POST /api/v1/import-sources': async () => ({
    as: 'admin',
    path: '/api/v1/import-sources',
    body: { name: '旧系统', columns: { number: 'id', content: 'body', createdAt: 'time' }, defaults: { regionId: world.district.id } },
    writes: [['import_source', 'create']],
  }),
  'POST /api/v1/import-sources/{id}/runs': async () => {
    const sources = (await api.call('GET', '/api/v1/import-sources', { token: world.tokens.admin })).body.items;
    return {
      as: 'admin',
      path: `/api/v1/import-sources/${sources[0].id}/runs`,
      raw: 'id,body,time\nOLD-1,路灯不亮,2024-03-01 08:00',
      headers: { 'content-type': 'text/csv' },
      writes: [
        ['demand', 'import'],
        ['import_source', 'run'],
      ],
    };
  },
  'POST /api/v1/sms/inbound': async () => {
    const raw = JSON.stringify({ messageId: 'audit-in-1', from: '13812345678', text: 'TD' });
    return {
      as: 'resident',
      path: '/api/v1/sms/inbound',
      raw,
      headers: { 'content-type': 'application/json', ...signatureHeaders(smsSecret, raw, new Date()) },
      writes: [['inbound_sms', 'receive']],
    };
  },
  'POST /api/v1/telephony/calls': async () => {
    const raw = JSON.stringify({ callId: 'audit-call-1', from: '13812345678', line: '12345-1' });
    return {
      as: 'resident',
      path: '/api/v1/telephony/calls',
      raw,
      headers: { 'content-type': 'application/json', ...signatureHeaders(smsSecret, raw, new Date()) },
      writes: [['call', 'receive']],
    };
  },
  'POST /api/v1/outbox/{id}/retry': async () => {
    // A message the provider refused for good (the worker's outcome, written as the worker would).
    const [m] = await database.db
      .insert(outboxMessages)
      .values({
        channel: 'sms',
        recipient: '13812345678',
        body: '测试',
        template: 'closed',
        status: 'failed',
        attempts: 6,
        createdAt: worldStart,
      })
      .returning();
    return { as: 'admin', path: `/api/v1/outbox/${m.id}/retry`, writes: [['outbox_message', 'retry']] };
  },
  'POST /api/v1/gazetteer/boundaries': async () => ({
    as: 'admin',
    path: '/api/v1/gazetteer/boundaries',
    body: {
      quality: 'schematic',
      collection: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'D1a' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [106.0, 29.0],
                  [106.01, 29.0],
                  [106.01, 29.01],
                  [106.0, 29.01],
                  [106.0, 29.0],
                ],
              ],
            },
          },
        ],
      },
    },
    writes: [['region_boundaries', 'import']],
  }),
  'POST /api/v1/gazetteer/places/import': async () => ({
    as: 'admin',
    path: '/api/v1/gazetteer/places/import',
    body: { format: 'csv', data: '名称,类型,社区\n丽发广场,地标,丽发新城社区' },
    writes: [['named_places', 'import']],
  }),
  'POST /api/v1/gazetteer/places/learn': async () => {
    // Two demands staff placed in one community name the same road: a candidate to learn.
    for (const n of ['15', '22']) {
      const r = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content: '路面坑洼', address: `滨江路${n}号`, reporterPhone: '13812345678', regionId: world.c1.id },
      });
      expect(r.status, r.text).toBe(201);
    }
    return { as: 'admin', path: '/api/v1/gazetteer/places/learn', writes: [['named_places', 'learn']] };
  },
  'POST /api/v1/gazetteer/places/{id}/decision': async () => {
    // A candidate as learning leaves one (from staff-placed demands), for the admin to confirm.
    const [row] = await queryRows<{ id: number }>(
      database.db,
      sql`insert into named_places (name, kind, region_id, state, source, evidence, created_at)
          values ('桂花巷', 'road', ${world.c2.id}, 'candidate', 'learned', 3, now()) returning id`,
    );
    return {
      as: 'admin',
      path: `/api/v1/gazetteer/places/${row.id}/decision`,
      body: { decision: 'confirm' },
      writes: [['named_place', 'confirm']],
    };
  },
  'POST /api/v1/gazetteer/suggest': async () => ({
    as: 'operator',
    path: '/api/v1/gazetteer/suggest',
    body: { text: '丽发广场旁边路灯不亮' },
    writes: [],
  }),
  'POST /api/v1/auth/logout': async () => ({ as: 'resident', path: '/api/v1/auth/logout', writes: [] }),
};

describe('the audit trail', () => {
  it('has a step for every write endpoint of the OpenAPI document (a new endpoint without one fails here)', async () => {
    const doc = (await api.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'get')
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(writes.length).toBeGreaterThan(50);
    expect(writes.filter((w) => !(w in steps)).sort()).toEqual([]);
    expect(Object.keys(steps).filter((k) => !writes.includes(k))).toEqual([]);
  });

  it('writes exactly the declared events, with the caller as actor, for every write endpoint', async () => {
    const userIds: Record<string, number> = {};
    for (const [name, actor] of Object.entries(world.actors)) userIds[name] = actor.userId;
    for (const [key, step] of Object.entries(steps)) {
      const call = await step();
      const [last] = await database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
      const method = key.split(' ')[0];
      const token = call.as === 'resident' ? undefined : world.tokens[call.as];
      const reply = await api.call(method, call.path, { token, body: call.body, raw: call.raw, headers: call.headers });
      expect(reply.status, `${key}: ${reply.text}`).toBeLessThan(300);
      const written = await database.db
        .select()
        .from(auditEvents)
        .where(gt(auditEvents.id, last?.id ?? 0))
        .orderBy(auditEvents.id);
      expect(
        written.map((e) => [e.resource, e.action]),
        key,
      ).toEqual(call.writes);
      // The console's audit log names each in words (web/shared/audit-names.ts), never the code.
      for (const e of written) {
        expect(auditResourceNames[e.resource], `${key}: no name for ${e.resource}`).toBeDefined();
        expect(auditActionName(e.resource, e.action, 'zh-CN'), `${key}: no words for ${e.resource}.${e.action}`).not.toBeNull();
      }
      for (const e of written) {
        if (call.as === 'resident') {
          // Public calls are the resident's; the admin signing in is named as that user; the city's system is the system.
          const kind = key.endsWith('/auth/login')
            ? 'user'
            : key.endsWith('/city/work-orders') || key.endsWith('/telephony/calls')
              ? 'system'
              : 'resident';
          expect(e.actorKind, key).toBe(kind);
        } else if (e.actorKind === 'user') {
          expect(e.actorUserId, key).toBe(userIds[call.as]);
        } else {
          // Only the initiative's collective answer speaks in the system's name, beside the supervisor's own event.
          expect(key, `${key} wrote a ${e.actorKind} event`).toBe('POST /api/v1/initiatives/{id}/answer');
        }
      }
    }
  }, 120_000);

  it('lets admins read the trail by record and actor, supervisors within their region, others not at all', async () => {
    const byRecord = await api.call('GET', `/api/v1/audit-events?resource=demand&resourceId=${id('loop')}`, { token: world.tokens.admin });
    expect(byRecord.status, byRecord.text).toBe(200);
    expect(byRecord.body.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'register',
      'dispatch',
      'acknowledge',
      'request_extension',
      'decide_extension',
      'supervise',
      'remind',
      'attach',
      'reply',
      'record_callback',
      'reopen',
      'return',
    ]);
    expect(byRecord.body.items.at(-1).actor).toMatchObject({ kind: 'user', userId: world.actors.operator.userId, name: '测试 operator' });
    const byActor = await api.call('GET', `/api/v1/audit-events?actorUserId=${world.actors.handlerA.userId}&limit=2`, {
      token: world.tokens.admin,
    });
    expect(byActor.body.items).toHaveLength(2);
    expect(byActor.body.nextBefore).toBeGreaterThan(0);
    const next = await api.call(
      'GET',
      `/api/v1/audit-events?actorUserId=${world.actors.handlerA.userId}&before=${byActor.body.nextBefore}`,
      { token: world.tokens.admin },
    );
    expect(next.body.items.every((e: { actor: { userId: number } }) => e.actor.userId === world.actors.handlerA.userId)).toBe(true);
    const supervisor = await api.call('GET', '/api/v1/audit-events?resource=demand', { token: world.tokens.supervisor });
    expect(supervisor.status).toBe(200);
    expect((await api.call('GET', '/api/v1/audit-events', { token: world.tokens.handlerA })).status).toBe(403);
    expect((await api.call('GET', '/api/v1/audit-events')).status).toBe(401);
  });
});
