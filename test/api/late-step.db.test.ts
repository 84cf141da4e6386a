// 已超期 says which step is late (派单, 签收, 答复, 回访), and a unit that has replied gets no
// yellow card: neither a supervisor's 督办 or 催办 nor the escalation rules reach it for a lateness
// that is no longer its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(worldStart));
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
});
afterAll(() => tearDownApiWorld({ database, api }));

const as = (who: keyof World['tokens']) => ({
  post: (path: string, body: unknown = {}) => api.call('POST', `/api/v1${path}`, { token: world.tokens[who], body }),
  get: (path: string) => api.call('GET', `/api/v1${path}`, { token: world.tokens[who] }),
});

async function intake(content: string) {
  const r = await as('operator').post('/demands', {
    content,
    reporterPhone: '13800003333',
    regionId: world.c1.id,
    categoryId: world.lights.id,
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
}

/** Moves the clock past the demand's running deadline by `hours`. */
async function pastDue(id: number, hours: number) {
  const due = new Date((await as('supervisor').get(`/demands/${id}`)).body.stageDueAt).getTime();
  t.advanceHours((due - t.ctx.now().getTime()) / 3_600_000 + hours);
}

const consoleMessagesTo = async (unitId: number) =>
  ((await as('admin').get('/outbox?channel=console&limit=200')).body.items as { recipient: string }[]).filter(
    (m) => m.recipient === `unit:${unitId}:handlers`,
  ).length;

describe('已超期 names the late step', () => {
  it('派单 while waiting, 签收 once sent, 答复 once signed for, 回访 once answered — in the list, the detail and the inbox', async () => {
    const id = await intake('滨河路路灯整条街不亮');
    await pastDue(id, 1);
    expect((await as('dispatcher').get(`/demands/${id}`)).body).toMatchObject({ overdue: true, lateStep: 'dispatch' });

    await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id });
    expect((await as('dispatcher').get(`/demands/${id}`)).body).toMatchObject({ overdue: false, lateStep: null });
    await pastDue(id, 2);
    const inbox = (await as('handlerA').get('/demands?sort=due')).body.items.find((x: { id: number }) => x.id === id);
    expect(inbox).toMatchObject({ overdue: true, lateStep: 'acknowledge' });

    await as('handlerA').post(`/demands/${id}/acknowledge`);
    await pastDue(id, 2);
    const listed = (await as('supervisor').get('/demands?overdue=true')).body.items.find((x: { id: number }) => x.id === id);
    expect(listed).toMatchObject({ lateStep: 'reply' });

    await as('handlerA').post(`/demands/${id}/reply`, { reply: '已更换损坏的灯具并恢复照明' });
    await pastDue(id, 2);
    expect((await as('operator').get(`/demands/${id}`)).body).toMatchObject({ overdue: true, lateStep: 'callback' });
  });
});

describe('no yellow card to a unit that already replied', () => {
  it('refuses 督办 and 催办 once the unit has replied, tells the unit nothing, and the rules pass it by', async () => {
    const id = await intake('小区路灯白天常亮晚上不亮');
    await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id });
    await as('handlerA').post(`/demands/${id}/acknowledge`);
    // Late to reply by two days: the rules card the unit while it holds the demand.
    await pastDue(id, 49);
    await as('supervisor').post('/escalations/run');
    expect((await as('supervisor').get(`/demands/${id}`)).body).toMatchObject({ supervisionLevel: 'township' });

    const replied = await as('handlerA').post(`/demands/${id}/reply`, { reply: '已修复感应开关，夜间照明恢复' });
    expect(replied.status, replied.text).toBe(200);
    const told = await consoleMessagesTo(world.deptA.id);

    const detail = (await as('supervisor').get(`/demands/${id}`)).body;
    expect(detail.allowedActions).not.toContain('remind');
    const card = await as('supervisor').post(`/demands/${id}/supervise`, { reason: '答复过慢', level: 'district' });
    expect(card.status).toBe(409);
    expect(card.body.error.message).toContain('已答复');
    const chase = await as('supervisor').post(`/demands/${id}/remind`, { note: '请尽快' });
    expect(chase.status).toBe(409);

    // Days later, the callback still not made: the rules do not raise a red card against the unit.
    t.advanceHours(24 * 5);
    await as('supervisor').post('/escalations/run');
    const after = (await as('supervisor').get(`/demands/${id}`)).body;
    expect(after.supervisionLevel).toBe('township');
    expect(after.lateStep).toBe('callback');
    expect(await consoleMessagesTo(world.deptA.id)).toBe(told);

    // The card it already had may still be lifted.
    expect(after.allowedActions).toContain('supervise');
    const lifted = await as('supervisor').post(`/demands/${id}/supervise`, { supervised: false, reason: '单位已按时补答复' });
    expect(lifted.status, lifted.text).toBe(200);
    expect(await consoleMessagesTo(world.deptA.id)).toBe(told);
  });
});

describe('受理回执 tells the caller when the reply is due', () => {
  it('before dispatch: the reply deadline a dispatch at the dispatch deadline would set, not the dispatch deadline', async () => {
    const r = await as('operator').post('/demands', {
      content: '东街口井盖松动，车过响声很大',
      reporterPhone: '13800004444',
      regionId: world.c1.id,
      categoryId: world.lights.id,
    });
    expect(r.status, r.text).toBe(201);
    const { id, stageDueAt, expectedReplyBy } = r.body as { id: number; stageDueAt: string; expectedReplyBy: string };
    expect(new Date(expectedReplyBy).getTime()).toBeGreaterThan(new Date(stageDueAt).getTime() + 24 * 3_600_000);

    // Dispatched at the last moment, the demand gets exactly the deadline the caller was told.
    t.advanceHours((new Date(stageDueAt).getTime() - t.ctx.now().getTime()) / 3_600_000);
    expect((await as('dispatcher').post(`/demands/${id}/dispatch`, { unitId: world.deptA.id })).status).toBe(200);
    expect((await as('dispatcher').get(`/demands/${id}`)).body.replyDueAt).toBe(expectedReplyBy);
  });
});
