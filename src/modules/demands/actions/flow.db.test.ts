import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestClock } from '../../../../test/api-world.js';
import type { TestDatabase } from '../../../../test/db.js';
import { buildDemand, hostileContent, hostileTitle, type World } from '../../../../test/world.js';
import { perform, residentActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { putSetting } from '../../settings/index.js';
import { assignments, callbacks, demandEvents, demands } from '../tables.js';
import { acknowledgeDemand } from './acknowledge-demand.js';
import { answerDemandDirectly } from './answer-demand-directly.js';
import { closeDemand } from './close-demand.js';
import { decideExtension } from './decide-extension.js';
import { declineDemand } from './decline-demand.js';
import { dispatchDemand } from './dispatch-demand.js';
import { mergeDemand } from './merge-demand.js';
import { recordCallback } from './record-callback.js';
import { reopenDemand } from './reopen-demand.js';
import { replyDemand } from './reply-demand.js';
import { requestExtension } from './request-extension.js';
import { returnDemand } from './return-demand.js';
import { superviseDemand } from './supervise-demand.js';
import { withdrawDemand } from './withdraw-demand.js';

let database: TestDatabase;
let world: World;
let t: TestClock;

// Monday 23 November 2026, 09:00 in the district.
beforeAll(async () => ({ database, world, t } = await setUpWorld(new Date('2026-11-23T09:00:00+08:00'))));
afterAll(async () => database.drop());

const events = async (id: number) => database.db.select().from(demandEvents).where(eq(demandEvents.demandId, id)).orderBy(demandEvents.id);
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe('the whole loop through the actions', () => {
  it('registers, dispatches, acknowledges, replies, calls back and closes, with one event per step', async () => {
    const { ctx } = t;
    const a = world.actors;
    const { demand, queryCode, created } = await buildDemand(ctx, world);
    expect(created).toBe(true);
    expect(queryCode).toMatch(/^\d{6}$/);
    expect(demand.number).toMatch(/^20261123\d{6}$/);
    expect(demand.title).toBe(hostileTitle);
    expect(demand.content).toBe(hostileContent);
    expect(demand.state).toBe('registered');
    // Dispatch: 2 hours by default.
    expect(demand.stageDueAt?.toISOString()).toBe(new Date('2026-11-23T11:00:00+08:00').toISOString());

    const dispatched = await perform(ctx, a.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    expect(dispatched.state).toBe('dispatched');
    expect(dispatched.unitId).toBe(world.deptA.id);
    // Acknowledge within 1 working day, reply within 7 (general matter).
    expect(dispatched.stageDueAt?.toISOString()).toBe(new Date('2026-11-24T23:59:59.999+08:00').toISOString());
    expect(dispatched.replyDueAt?.toISOString()).toBe(new Date('2026-12-02T23:59:59.999+08:00').toISOString());

    t.advanceHours(1);
    const acked = await perform(ctx, a.handlerA, acknowledgeDemand, { demandId: demand.id });
    expect(acked.stageDueAt?.toISOString()).toBe(dispatched.replyDueAt?.toISOString());
    t.advanceHours(20);
    const replied = await perform(ctx, a.handlerA, replyDemand, { demandId: demand.id, reply: '已修复路灯。' });
    expect(replied.state).toBe('replied');
    const called = await perform(ctx, a.operator, recordCallback, {
      demandId: demand.id,
      satisfaction: 'satisfied',
      solved: true,
      comment: '谢谢',
    });
    expect(called.state).toBe('callback_done');
    const closed = await perform(ctx, a.operator, closeDemand, { demandId: demand.id });
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).not.toBeNull();

    const trail = await events(demand.id);
    expect(trail.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['register', null, 'registered'],
      ['dispatch', 'registered', 'dispatched'],
      ['acknowledge', 'dispatched', 'acknowledged'],
      ['reply', 'acknowledged', 'replied'],
      ['record_callback', 'replied', 'callback_done'],
      ['close', 'callback_done', 'closed'],
    ]);
    expect(trail[2].actorUserId).toBe(a.handlerA.userId);
    const [assignment] = await database.db.select().from(assignments).where(eq(assignments.demandId, demand.id));
    expect(assignment.acknowledgedAt).not.toBeNull();
    expect(assignment.endReason).toBe('closed');
  });

  it('sends a demand without a named unit to the township government of its place (首接负责)', async () => {
    const { demand } = await buildDemand(t.ctx, world, { regionId: world.c2.id });
    const d = await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id });
    expect(d.unitId).toBe(world.t1Gov.id);
    const [e] = (await events(demand.id)).filter((x) => x.action === 'dispatch');
    expect(e.data).toMatchObject({ firstResponsible: true, unitId: world.t1Gov.id });
  });

  it('applies the 24-hour norm to water supply and 2 hours to emergencies', async () => {
    const { demand: water } = await buildDemand(t.ctx, world, { categoryId: world.water.id });
    const w = await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: water.id, unitId: world.deptB.id });
    expect(w.replyDueAt!.getTime() - t.ctx.now().getTime()).toBe(24 * 3_600_000);
    const { demand: urgent } = await buildDemand(t.ctx, world, { urgency: 'emergency' });
    const u = await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: urgent.id, unitId: world.deptA.id });
    expect(u.replyDueAt!.getTime() - t.ctx.now().getTime()).toBe(2 * 3_600_000);
  });

  it('returns to the dispatcher with a reason, then re-dispatches to another unit', async () => {
    const { ctx } = t;
    const { demand } = await buildDemand(ctx, world);
    await perform(ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptB.id });
    expect(await code(perform(ctx, world.actors.handlerB, returnDemand, { demandId: demand.id, reason: '  ' }))).toBe(
      'demand.reason_required',
    );
    const returned = await perform(ctx, world.actors.handlerB, returnDemand, { demandId: demand.id, reason: '不属于本单位职责' });
    expect(returned.state).toBe('returned');
    expect(returned.unitId).toBeNull();
    const again = await perform(ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    expect(again.unitId).toBe(world.deptA.id);
    const rows = await database.db.select().from(assignments).where(eq(assignments.demandId, demand.id)).orderBy(assignments.id);
    expect(rows.map((r) => [r.unitId, r.endReason])).toEqual([
      [world.deptB.id, 'returned'],
      [world.deptA.id, null],
    ]);
    // The unit that returned it still sees its history, but can no longer act on it.
    expect(await code(perform(ctx, world.actors.handlerB, acknowledgeDemand, { demandId: demand.id }))).toBe('auth.forbidden');
  });

  it('moves the reply deadline by the working days of an approved extension; a second pending one is refused', async () => {
    t.setNow(new Date('2026-11-23T10:00:00+08:00'));
    const { ctx } = t;
    const { demand } = await buildDemand(ctx, world);
    await perform(ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    const acked = await perform(ctx, world.actors.handlerA, acknowledgeDemand, { demandId: demand.id });
    await perform(ctx, world.actors.handlerA, requestExtension, { demandId: demand.id, extraWorkdays: 3, reason: '需要协调供电部门' });
    expect(
      await code(perform(ctx, world.actors.handlerA, requestExtension, { demandId: demand.id, extraWorkdays: 2, reason: '再延' })),
    ).toBe('demand.extension_pending');
    expect(await code(perform(ctx, world.actors.handlerA, decideExtension, { demandId: demand.id, approve: true }))).toBe('auth.forbidden');
    const decided = await perform(ctx, world.actors.supervisor, decideExtension, { demandId: demand.id, approve: true, reason: '同意' });
    // Wed 2 Dec + 3 working days = Mon 7 Dec.
    expect(acked.replyDueAt?.toISOString()).toBe(new Date('2026-12-02T23:59:59.999+08:00').toISOString());
    expect(decided.replyDueAt?.toISOString()).toBe(new Date('2026-12-07T23:59:59.999+08:00').toISOString());
    expect(decided.stageDueAt?.toISOString()).toBe(decided.replyDueAt?.toISOString());
    expect(await code(perform(ctx, world.actors.supervisor, decideExtension, { demandId: demand.id, approve: false, reason: 'x' }))).toBe(
      'demand.invalid_transition',
    );
  });

  it('reopens after an unsatisfied callback, up to the configured limit', async () => {
    const { ctx } = t;
    await putSetting(database.db, 'reopen.max', 1);
    const { demand } = await buildDemand(ctx, world);
    const a = world.actors;
    const cycle = async () => {
      await perform(ctx, a.handlerA, acknowledgeDemand, { demandId: demand.id });
      await perform(ctx, a.handlerA, replyDemand, { demandId: demand.id, reply: '已处理' });
      await perform(ctx, a.operator, recordCallback, { demandId: demand.id, satisfaction: 'unsatisfied', solved: false });
    };
    await perform(ctx, a.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    await cycle();
    expect(await code(perform(ctx, a.operator, reopenDemand, { demandId: demand.id, reason: '居民不满意' }))).toBe('auth.forbidden');
    const reopened = await perform(ctx, a.supervisor, reopenDemand, { demandId: demand.id, reason: '居民不满意，问题未解决' });
    expect(reopened.state).toBe('dispatched');
    expect(reopened.unitId).toBe(world.deptA.id);
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.replyText).toBeNull();
    await cycle();
    expect(await code(perform(ctx, a.supervisor, reopenDemand, { demandId: demand.id, reason: '再次不满意' }))).toBe('demand.reopen_limit');
    const cbs = await database.db.select().from(callbacks).where(eq(callbacks.demandId, demand.id));
    expect(cbs).toHaveLength(2);
  });

  it('reopens automatically when the policy says so', async () => {
    const { ctx } = t;
    await putSetting(database.db, 'reopen.max', 2);
    await putSetting(database.db, 'reopen.auto', true);
    try {
      const { demand } = await buildDemand(ctx, world);
      const a = world.actors;
      await perform(ctx, a.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
      await perform(ctx, a.handlerA, acknowledgeDemand, { demandId: demand.id });
      await perform(ctx, a.handlerA, replyDemand, { demandId: demand.id, reply: '已处理' });
      const after = await perform(ctx, a.operator, recordCallback, {
        demandId: demand.id,
        satisfaction: 'basically_satisfied',
        solved: false,
      });
      expect(after.state).toBe('dispatched');
      expect(after.reopenCount).toBe(1);
      const last = (await events(demand.id)).at(-1)!;
      expect([last.action, last.actorKind]).toEqual(['reopen', 'system']);
    } finally {
      await putSetting(database.db, 'reopen.auto', false);
    }
  });

  it('refuses to reopen a satisfied, solved demand', async () => {
    const { ctx } = t;
    const { demand } = await buildDemand(ctx, world);
    const a = world.actors;
    await perform(ctx, a.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    await perform(ctx, a.handlerA, acknowledgeDemand, { demandId: demand.id });
    await perform(ctx, a.handlerA, replyDemand, { demandId: demand.id, reply: '已处理' });
    await perform(ctx, a.operator, recordCallback, { demandId: demand.id, satisfaction: 'satisfied', solved: true });
    expect(await code(perform(ctx, a.supervisor, reopenDemand, { demandId: demand.id, reason: '想重办' }))).toBe(
      'demand.reopen_not_allowed',
    );
  });

  it('merges a duplicate into the surviving demand, recording it on both', async () => {
    const { ctx } = t;
    const { demand: keep } = await buildDemand(ctx, world);
    const { demand: dup } = await buildDemand(ctx, world, { reporterPhone: '13900000000' });
    expect(await code(perform(ctx, world.actors.dispatcher, mergeDemand, { demandId: dup.id, intoDemandId: dup.id }))).toBe(
      'demand.merge_target',
    );
    const merged = await perform(ctx, world.actors.dispatcher, mergeDemand, { demandId: dup.id, intoDemandId: keep.id, note: '同一路灯' });
    expect(merged.state).toBe('merged');
    expect(merged.mergedIntoId).toBe(keep.id);
    const keptTrail = await events(keep.id);
    expect(keptTrail.at(-1)).toMatchObject({
      action: 'merge',
      fromState: 'registered',
      toState: 'registered',
      data: { mergedDemandId: dup.id },
    });
    const { demand: third } = await buildDemand(ctx, world);
    expect(await code(perform(ctx, world.actors.dispatcher, mergeDemand, { demandId: third.id, intoDemandId: dup.id }))).toBe(
      'demand.merge_target',
    );
  });

  it('declines with a reason, and lets the resident withdraw', async () => {
    const { ctx } = t;
    const { demand } = await buildDemand(ctx, world);
    expect(await code(perform(ctx, world.actors.dispatcher, declineDemand, { demandId: demand.id, reason: '' }))).toBe(
      'demand.reason_required',
    );
    const declined = await perform(ctx, world.actors.dispatcher, declineDemand, { demandId: demand.id, reason: '属于诉讼程序中的事项' });
    expect(declined.state).toBe('declined');
    const { demand: other } = await buildDemand(ctx, world);
    const withdrawn = await perform(ctx, residentActor, withdrawDemand, { demandId: other.id, reason: '已自行解决' });
    expect(withdrawn.state).toBe('withdrawn');
    expect(await code(perform(ctx, world.actors.dispatcher, dispatchDemand, { demandId: other.id, unitId: world.deptA.id }))).toBe(
      'demand.invalid_transition',
    );
  });

  it('answers a consultation directly; it still goes through callback and closure', async () => {
    const { ctx } = t;
    const { demand } = await buildDemand(ctx, world, { type: 'consultation', title: '咨询医保' });
    const answered = await perform(ctx, world.actors.operator, answerDemandDirectly, { demandId: demand.id, reply: '请到医保窗口办理' });
    expect(answered.state).toBe('replied');
    expect(answered.unitId).toBeNull();
    await perform(ctx, world.actors.operator, recordCallback, { demandId: demand.id, satisfaction: 'satisfied', solved: true });
    expect((await perform(ctx, world.actors.operator, closeDemand, { demandId: demand.id })).state).toBe('closed');
    const { demand: complaint } = await buildDemand(ctx, world);
    expect(await code(perform(ctx, world.actors.operator, answerDemandDirectly, { demandId: complaint.id, reply: 'x' }))).toBe(
      'demand.invalid_transition',
    );
  });

  it('flags and unflags supervision with a reason', async () => {
    const { demand } = await buildDemand(t.ctx, world);
    const on = await perform(t.ctx, world.actors.supervisor, superviseDemand, {
      demandId: demand.id,
      supervised: true,
      reason: '群众反映强烈',
    });
    expect(on.supervised).toBe(true);
    expect(on.state).toBe('registered');
    const off = await perform(t.ctx, world.actors.supervisor, superviseDemand, {
      demandId: demand.id,
      supervised: false,
      reason: '已落实',
    });
    expect(off.supervised).toBe(false);
  });

  it('answers 404 to a handler of another unit, as if the demand did not exist', async () => {
    const { demand } = await buildDemand(t.ctx, world);
    await perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id });
    expect(await code(perform(t.ctx, world.actors.handlerB, acknowledgeDemand, { demandId: demand.id }))).toBe('not_found');
    const [row] = await database.db.select().from(demands).where(eq(demands.id, demand.id));
    expect(row.state).toBe('dispatched');
  });
});

describe('concurrency and idempotency', () => {
  it('lets exactly one of two simultaneous dispatches win', async () => {
    const { demand } = await buildDemand(t.ctx, world);
    const results = await Promise.allSettled([
      perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptA.id }),
      perform(t.ctx, world.actors.dispatcher, dispatchDemand, { demandId: demand.id, unitId: world.deptB.id }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(['conflict.stale', 'demand.invalid_transition']).toContain((failed[0].reason as AppError).code);
    expect((failed[0].reason as AppError).status).toBe(409);
    const rows = await database.db.select().from(assignments).where(eq(assignments.demandId, demand.id));
    expect(rows).toHaveLength(1);
    expect((await events(demand.id)).filter((e) => e.action === 'dispatch')).toHaveLength(1);
  });

  it('never creates two demands for one idempotency key, even at once', async () => {
    const key = `key-${Date.now()}-${Math.random()}`;
    const results = await Promise.all([1, 2, 3].map(() => buildDemand(t.ctx, world, { idempotencyKey: key })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.demand.id)).size).toBe(1);
    const scoped = `u${world.actors.operator.userId}:${key}`;
    expect(await database.db.select().from(demands).where(eq(demands.idempotencyKey, scoped))).toHaveLength(1);
  });
});
