// Desk work as a 12345 runs it, through the API: joint handling (主办 + 协办) to one reply, 转办 with
// the receiving unit's consent, 督办 as a record with 催办 and escalation by rule, 未接通 callbacks,
// the dispatch preview and bulk dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import { tinyPng, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2026-11-02T09:00:00+08:00')));
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
});
afterAll(() => tearDownApiWorld({ database, api }));

const as = (who: keyof World['tokens']) => ({
  post: (path: string, body: unknown = {}) => api.call('POST', `/api/v1${path}`, { token: world.tokens[who], body }),
  get: (path: string) => api.call('GET', `/api/v1${path}`, { token: world.tokens[who] }),
});

async function intake(content: string, categoryId: number | null = world.lights.id) {
  const r = await as('operator').post('/demands', {
    content,
    reporterPhone: '13800002222',
    regionId: world.c1.id,
    ...(categoryId ? { categoryId } : {}),
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
}

describe('joint handling (主办 + 协办)', () => {
  it('goes from dispatch through the assisting unit’s part to the lead’s one reply', async () => {
    const id = await intake('滨河路路灯不亮，电缆被挖断，需要城管和街道一起处理');
    const d = await as('dispatcher').post(`/demands/${id}/dispatch`, {
      unitId: world.deptA.id,
      assistingUnitIds: [world.t1Gov.id],
      note: '城管局主办，街道配合现场协调',
    });
    expect(d.status, d.text).toBe(200);
    expect(d.body.assists).toMatchObject([{ unit: { id: world.t1Gov.id }, acknowledgedAt: null }]);

    // A unit with no part in it does not know it exists; an admin speaks for no unit.
    for (const [verb, body] of [
      ['assist-acknowledge', {}],
      ['contribute', { contribution: '不相干的意见' }],
      ['transfer-decision', { accept: true }],
    ] as const) {
      expect((await as('handlerB').post(`/demands/${id}/${verb}`, body)).status).toBe(404);
    }
    expect((await as('admin').get(`/demands/${id}`)).body.allowedActions).not.toContain('assist_acknowledge');

    // The resident's photo and number reach the unit asked to help: it is told to contact the resident.
    const photo = await api.call('POST', `/api/v1/demands/${id}/attachments`, {
      token: world.tokens.operator,
      raw: tinyPng,
      headers: { 'content-type': 'image/png', 'x-filename': 'site.png' },
    });
    expect(photo.status, photo.text).toBe(201);
    const file = (who: keyof World['tokens']) => api.call('GET', `/api/v1/attachments/${photo.body.id}`, { token: world.tokens[who] });
    expect((await file('handlerT1')).status).toBe(200);
    expect((await file('handlerB')).status).toBe(404);
    expect((await as('handlerT1').get(`/demands/${id}`)).body.reporterPhone).toBe('13800002222');

    // The assisting unit sees the demand in its list and may only acknowledge it.
    const inbox = await as('handlerT1').get('/demands?state=dispatched');
    expect(inbox.body.items.map((x: { id: number }) => x.id)).toContain(id);
    const seen = await as('handlerT1').get(`/demands/${id}`);
    expect(seen.body.allowedActions).toEqual(['assist_acknowledge']);
    expect((await as('handlerT1').post(`/demands/${id}/reply`, { reply: '已修复' })).status).toBe(403);

    expect((await as('handlerA').post(`/demands/${id}/acknowledge`)).status).toBe(200);
    // The lead may not reply before the assisting unit's part is in.
    const early = await as('handlerA').post(`/demands/${id}/reply`, { reply: '已修复' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('demand.assists_pending');
    expect((await as('handlerA').get(`/demands/${id}`)).body.allowedActions).not.toContain('reply');

    // Contributing before acknowledging is refused; then acknowledge and contribute.
    expect((await as('handlerT1').post(`/demands/${id}/contribute`, { contribution: '现场已围挡' })).status).toBe(403);
    expect((await as('handlerT1').post(`/demands/${id}/assist-acknowledge`)).status).toBe(200);
    const part = await as('handlerT1').post(`/demands/${id}/contribute`, { contribution: '街道已协调施工方，现场已围挡' });
    expect(part.status, part.text).toBe(200);
    expect(part.body.assists[0]).toMatchObject({ contribution: '街道已协调施工方，现场已围挡' });
    expect(part.body.allowedActions).toEqual([]);

    const reply = await as('handlerA').post(`/demands/${id}/reply`, { reply: '电缆已接通，路灯恢复；街道已督促施工方整改' });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.state).toBe('replied');
    const actions = reply.body.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['register', 'dispatch', 'attach', 'acknowledge', 'assist_acknowledge', 'contribute', 'reply']);
    const trail = await as('admin').get(`/audit-events?resource=demand&resourceId=${id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['assist_acknowledge', 'contribute']));
  });

  it('lets the lead release an assisting unit that does not answer, with a reason, and then reply', async () => {
    const id = await intake('路灯杆倾斜，需要城管和自来水公司一起看');
    await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id, assistingUnitIds: [world.deptB.id] });
    await as('handlerA').post(`/demands/${id}/acknowledge`);
    expect((await as('handlerA').post(`/demands/${id}/end-assist`, { unitId: world.deptB.id })).status).toBe(400);
    expect((await as('handlerA').post(`/demands/${id}/end-assist`, { unitId: world.t1Gov.id, reason: '无关' })).status).toBe(409);
    expect((await as('handlerB').post(`/demands/${id}/end-assist`, { unitId: world.deptB.id, reason: '自己解除' })).status).toBe(403);
    const released = await as('handlerA').post(`/demands/${id}/end-assist`, {
      unitId: world.deptB.id,
      reason: '三次联系无回复，已电话沟通确认不涉及供水',
    });
    expect(released.status, released.text).toBe(200);
    expect(released.body.assists[0].endedAt).not.toBeNull();
    expect(released.body.allowedActions).toContain('reply');
    expect((await as('handlerB').post(`/demands/${id}/assist-acknowledge`)).status).toBe(403);
    expect((await as('handlerA').post(`/demands/${id}/reply`, { reply: '灯杆已扶正加固' })).status).toBe(200);
  });

  it('refuses the lead as its own helper and an unknown helper, writing nothing', async () => {
    const id = await intake('井盖缺失');
    const same = await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id, assistingUnitIds: [world.deptA.id] });
    expect(same.status).toBe(422);
    const unknown = await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id, assistingUnitIds: [999999] });
    expect(unknown.status).toBe(422);
    expect((await as('dispatcher').get(`/demands/${id}`)).body.state).toBe('registered');
  });
});

describe('转办 with consent', () => {
  it('stays with the lead until the receiving unit accepts; a refusal keeps it where it was', async () => {
    const id = await intake('自来水管爆裂，路面积水');
    await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id });
    expect((await as('handlerA').post(`/demands/${id}/transfer`, { toUnitId: world.deptB.id })).status).toBe(400);
    const asked = await as('handlerA').post(`/demands/${id}/transfer`, { toUnitId: world.deptB.id, reason: '供水管网属自来水公司' });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body.unit.id).toBe(world.deptA.id);
    expect((await as('handlerB').get(`/demands/${id}`)).body.allowedActions).toEqual(['accept_transfer', 'decline_transfer']);
    // The unit asked to take it over sees what it is asked to take: the photo and the resident's number.
    const photo = await api.call('POST', `/api/v1/demands/${id}/attachments`, {
      token: world.tokens.handlerA,
      raw: tinyPng,
      headers: { 'content-type': 'image/png', 'x-filename': 'pipe.png' },
    });
    expect((await api.call('GET', `/api/v1/attachments/${photo.body.id}`, { token: world.tokens.handlerB })).status).toBe(200);
    expect((await as('handlerB').get(`/demands/${id}`)).body.reporterPhone).toBe('13800002222');

    const no = await as('handlerB').post(`/demands/${id}/transfer-decision`, { accept: false });
    expect(no.status).toBe(400);
    const declined = await as('handlerB').post(`/demands/${id}/transfer-decision`, { accept: false, reason: '该路段为小区自建管网' });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body.unit.id).toBe(world.deptA.id);
    expect(declined.body.transfers[0]).toMatchObject({ status: 'declined', decisionReason: '该路段为小区自建管网' });

    await as('handlerA').post(`/demands/${id}/transfer`, { toUnitId: world.deptB.id, reason: '经核实为市政供水管' });
    const accepted = await as('handlerB').post(`/demands/${id}/transfer-decision`, { accept: true });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'dispatched', unit: { id: world.deptB.id } });
    // Never through the dispatch pool, and the old unit's turn is over.
    expect(accepted.body.events.map((e: { action: string }) => e.action)).not.toContain('return');
    expect(accepted.body.assignments.map((a: { unit: { id: number }; endReason: string | null }) => [a.unit.id, a.endReason])).toEqual([
      [world.deptA.id, 'transferred'],
      [world.deptB.id, null],
    ]);
    expect((await as('handlerA').post(`/demands/${id}/acknowledge`)).status).toBe(403);
    // 待办 is what the unit holds now: the old unit still finds the demand it once held, but not in its inbox.
    const inbox = async (who: 'handlerA' | 'handlerB') =>
      (await as(who).get('/demands?state=dispatched,acknowledged&held=mine&pageSize=100')).body.items.map((d: { id: number }) => d.id);
    expect(await inbox('handlerA')).not.toContain(id);
    expect(await inbox('handlerB')).toContain(id);
    expect(
      (await as('handlerA').get(`/demands?state=dispatched,acknowledged&pageSize=100`)).body.items.map((d: { id: number }) => d.id),
    ).toContain(id);
    expect((await as('handlerB').post(`/demands/${id}/acknowledge`)).status).toBe(200);
    // Answered while a second hand-over waits: the hand-over is moot, and nobody is said to have refused it.
    await as('handlerB').post(`/demands/${id}/transfer`, { toUnitId: world.t1Gov.id, reason: '涉及小区内部管网' });
    const answered = await as('handlerB').post(`/demands/${id}/reply`, { reply: '已抢修完毕' });
    expect(answered.body.transfers.at(-1)).toMatchObject({ status: 'lapsed', decisionReason: null });
    expect((await as('handlerT1').post(`/demands/${id}/transfer-decision`, { accept: true })).status).toBe(403);
  });
});

describe('督办 as a record', () => {
  it('keeps level, reason and the reminders, and lifts with a reason', async () => {
    const id = await intake('小区门口垃圾堆放一周无人清理');
    await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id });
    expect((await as('supervisor').post(`/demands/${id}/remind`, {})).status).toBe(409);
    const on = await as('supervisor').post(`/demands/${id}/supervise`, {
      reason: '群众反复反映',
      level: 'district',
      dueAt: '2026-11-05T17:00:00+08:00',
    });
    expect(on.status, on.text).toBe(200);
    expect(on.body).toMatchObject({ supervised: true, supervisionLevel: 'district' });
    // The unit's handlers are told in the console; the outbox names them in words, not by address.
    const prompts = (await as('admin').get('/outbox?channel=console')).body.items;
    expect(prompts[0]).toMatchObject({ recipient: `unit:${world.deptA.id}:handlers`, recipientLabel: `${world.deptA.name} 承办人员` });
    await as('supervisor').post(`/demands/${id}/remind`, { note: '请今天回复' });
    const twice = await as('supervisor').post(`/demands/${id}/remind`, {});
    expect(twice.body.supervisions[0]).toMatchObject({ level: 'district', reason: '群众反复反映', reminderCount: 2 });
    const off = await as('supervisor').post(`/demands/${id}/supervise`, { supervised: false, reason: '已现场清理' });
    expect(off.body).toMatchObject({ supervised: false, supervisionLevel: null });
    expect(off.body.supervisions[0].liftReason).toBe('已现场清理');
    expect((await as('handlerA').post(`/demands/${id}/remind`, {})).status).toBe(403);
  });

  it('escalates an overdue demand by rule: a day late → township (yellow), three days → district (red), once each', async () => {
    const late = await intake('路边树木倒伏压住电线');
    const onTime = await intake('路灯闪烁');
    await as('dispatcher').post(`/demands/${late}/dispatch`, { unitId: world.deptA.id });
    const dueAt = new Date((await as('dispatcher').get(`/demands/${late}`)).body.stageDueAt).getTime();
    t.advanceHours((dueAt - t.ctx.now().getTime()) / 3_600_000 + 25);
    await as('dispatcher').post(`/demands/${onTime}/dispatch`, { unitId: world.deptA.id });

    expect((await as('handlerA').post('/escalations/run')).status).toBe(403);
    const first = await as('supervisor').post('/escalations/run');
    expect(first.body.escalated).toBeGreaterThanOrEqual(1);
    let d = (await as('supervisor').get(`/demands/${late}`)).body;
    expect(d).toMatchObject({ supervised: true, supervisionLevel: 'township' });
    expect(d.supervisions.at(-1)).toMatchObject({ level: 'township', byRule: 'overdue_1d' });
    expect(d.events.at(-1)).toMatchObject({ action: 'escalate', actor: { kind: 'system' } });
    expect((await as('supervisor').get(`/demands/${onTime}`)).body.supervised).toBe(false);

    // Swept again the same day: nothing new.
    await as('supervisor').post('/escalations/run');
    d = (await as('supervisor').get(`/demands/${late}`)).body;
    expect(d.events.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);

    t.advanceHours(48);
    await as('supervisor').post('/escalations/run');
    d = (await as('supervisor').get(`/demands/${late}`)).body;
    expect(d.supervisionLevel).toBe('district');
    expect(d.events.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(2);
    expect((await as('supervisor').get('/demands?supervised=true')).body.items.map((x: { id: number }) => x.id)).toContain(late);

    // The marks count against the unit in 三率: one red by hand in the test above; by rule, a yellow and a
    // red for this demand and for that one too (lifted by hand, still never signed for).
    const rates = await as('supervisor').get('/rates?month=2026-11');
    const deptA = rates.body.units.find((u: { unitId: number }) => u.unitId === world.deptA.id);
    expect(deptA.marks).toMatchObject({ yellow: 2, red: 3 });
    expect(rates.body.total.marks).toMatchObject({ yellow: 2, red: 3 });
    expect(deptA).toMatchObject({ rankGroup: 'department' });

    // Lifted by hand after it fell due, a demand is left to the supervisor's judgement.
    expect(
      (await as('supervisor').post(`/demands/${late}/supervise`, { supervised: false, reason: '已电话督促，单位明日到场' })).status,
    ).toBe(200);
    t.advanceHours(72);
    await as('supervisor').post('/escalations/run');
    d = (await as('supervisor').get(`/demands/${late}`)).body;
    expect(d).toMatchObject({ supervised: false, supervisionLevel: null });
  });
});

describe('回访 that does not reach the resident', () => {
  it('records each 未接通 try with its note and keeps the demand waiting for the call', async () => {
    const id = await intake('楼道灯坏了');
    await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id });
    await as('handlerA').post(`/demands/${id}/acknowledge`);
    await as('handlerA').post(`/demands/${id}/reply`, { reply: '已更换灯泡' });
    await as('operator').post(`/demands/${id}/callback-attempt`, { note: '无人接听' });
    const second = await as('operator').post(`/demands/${id}/callback-attempt`, { note: '关机' });
    expect(second.body.state).toBe('replied');
    expect(second.body.callbackAttempts.map((x: { note: string }) => x.note)).toEqual(['无人接听', '关机']);
    expect(second.body.events.at(-1)).toMatchObject({ action: 'callback_attempt', data: { reached: false, attempt: 2 } });
    const done = await as('operator').post(`/demands/${id}/callback`, { satisfaction: 'satisfied', solved: true, comment: '第三次接通' });
    expect(done.body.state).toBe('callback_done');
    expect((await as('operator').post(`/demands/${id}/callback-attempt`, {})).status).toBe(409);
  });
});

describe('dispatch preview and bulk dispatch', () => {
  it('shows the deadlines a dispatch would set, and requires a category', async () => {
    const id = await intake('不知道归谁管的事情', null);
    const preview = await as('dispatcher').get(`/demands/${id}/dispatch-preview?categoryId=${world.lights.id}&urgency=emergency`);
    expect(preview.status, preview.text).toBe(200);
    expect(new Date(preview.body.acknowledgeDueAt) > t.ctx.now()).toBe(true);
    expect(new Date(preview.body.replyDueAt) >= new Date(preview.body.acknowledgeDueAt)).toBe(true);
    expect((await as('handlerA').get(`/demands/${id}/dispatch-preview`)).status).toBe(404);
    // The township government owns no single category: the dispatcher must choose one.
    const noCategory = await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.t1Gov.id });
    expect(noCategory.status).toBe(422);
    expect(noCategory.body.error.code).toBe('demand.category_required');
    // Taking the suggested department files it under the department's one category.
    const taken = await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id });
    expect(taken.status, taken.text).toBe(200);
    expect(taken.body.category.id).toBe(world.lights.id);
  });

  it('dispatches many at once, each reporting its own outcome', async () => {
    const a = await intake('路灯A');
    const b = await intake('路灯B');
    const r = await as('dispatcher').post('/demands/dispatch-batch', {
      items: [
        { demandId: a, unitId: world.deptA.id },
        { demandId: b, unitId: world.deptA.id },
        { demandId: a, unitId: world.deptA.id },
        { demandId: 99999999, unitId: world.deptA.id },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ dispatched: 2, failed: 2 });
    expect(r.body.results.map((x: { ok: boolean; error: { code: string } | null }) => x.error?.code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'demand.invalid_transition',
      'not_found',
    ]);
    expect((await as('dispatcher').post('/demands/dispatch-batch', { items: [] })).status).toBe(400);
  });
});
