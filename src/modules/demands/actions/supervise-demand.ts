import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { actorUserId, enqueueConsoleMessages } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { higherLevel } from '../escalation.js';
import { mayPutUnderSupervision, unitHoldsStep } from '../stages.js';
import { applyTransition, loadForAction } from '../store.js';
import { type DemandRow, type SupervisionLevel, supervisions } from '../tables.js';

export type SuperviseDemandOptions = {
  demandId: number;
  supervised: boolean;
  reason: string;
  level?: SupervisionLevel;
  dueAt?: Date | null;
};

const levelName: Record<SupervisionLevel, string> = { township: '镇街督办（黄牌）', district: '区级督办（红牌）' };

/** 督办: a supervisor puts the demand under supervision at a level, with a reason and a deadline — or lifts it. */
export async function superviseDemand(a: ActionContext, opts: SuperviseDemandOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'supervise', opts.reason);
  if (!opts.supervised) {
    await tx
      .update(supervisions)
      .set({ liftedAt: now, liftReason: opts.reason })
      .where(and(eq(supervisions.demandId, demand.id), isNull(supervisions.liftedAt)));
    return applyTransition(a, {
      demand,
      action: 'supervise',
      to,
      reason: opts.reason,
      data: { supervised: false },
      patch: { supervised: false, supervisionLevel: null },
    });
  }
  if (!mayPutUnderSupervision(demand.state)) {
    throw new AppError('demand.invalid_transition', {
      zh: '承办单位已答复，不能再向其督办；如对答复不满意，请在回访后重办。',
      en: 'The unit has replied: it cannot be put under supervision now; reopen it after the callback instead.',
    });
  }
  const level = opts.level ?? 'township';
  await tx.insert(supervisions).values({
    demandId: demand.id,
    unitId: demand.unitId,
    level,
    reason: opts.reason,
    dueAt: opts.dueAt ?? null,
    createdBy: actorUserId(a.actor),
    createdAt: now,
  });
  await tellUnit(a, demand, `诉求 ${demand.number} 已被${levelName[level]}：${opts.reason}`);
  return applyTransition(a, {
    demand,
    action: 'supervise',
    to,
    reason: opts.reason,
    data: { supervised: true, level, dueAt: opts.dueAt?.toISOString() ?? null },
    patch: { supervised: true, supervisionLevel: higherLevel(demand.supervisionLevel, level) },
  });
}

/** 催办: the supervisor chases the unit; the open supervision counts the reminders. */
export async function remindDemand(a: ActionContext, opts: { demandId: number; note?: string | null }): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'remind');
  const [open] = await tx
    .select()
    .from(supervisions)
    .where(and(eq(supervisions.demandId, demand.id), isNull(supervisions.liftedAt)))
    .orderBy(desc(supervisions.id))
    .limit(1);
  if (!open)
    throw new AppError('demand.invalid_transition', { zh: '该诉求未在督办中，不能催办。', en: 'Only a supervised demand can be chased.' });
  if (!unitHoldsStep(demand.state))
    throw new AppError('demand.invalid_transition', {
      zh: '该诉求已不在承办单位手中（已答复或待派单），无需催办。',
      en: 'No unit holds the demand now (replied or waiting for dispatch): there is no one to chase.',
    });
  const reminders = open.reminderCount + 1;
  await tx.update(supervisions).set({ reminderCount: reminders, lastRemindedAt: now }).where(eq(supervisions.id, open.id));
  await tellUnit(a, demand, `催办（第 ${reminders} 次）：诉求 ${demand.number} 请尽快办理。${opts.note?.trim() ?? ''}`);
  return applyTransition(a, {
    demand,
    action: 'remind',
    to,
    reason: opts.note,
    data: { supervisionId: open.id, reminders },
  });
}

/** The system's escalation of one overdue demand by a rule (see escalation.ts). */
export async function escalateDemand(
  a: ActionContext,
  opts: { demandId: number; level: SupervisionLevel; rule: string; overdueDays: number },
): Promise<DemandRow> {
  const { tx, now } = a;
  const reason = `超期 ${opts.overdueDays} 天以上，按规则自动升级为${levelName[opts.level]}`;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'escalate');
  // Read again in the action: signed for, answered or raised since the sweep looked, it is left alone.
  const stillOverdue =
    unitHoldsStep(demand.state) &&
    demand.stageDueAt !== null &&
    now.getTime() - demand.stageDueAt.getTime() >= opts.overdueDays * 86_400_000;
  if (!stillOverdue || higherLevel(demand.supervisionLevel, opts.level) === demand.supervisionLevel) {
    throw new AppError('demand.invalid_transition', {
      zh: '该诉求已不再符合升级条件。',
      en: 'The demand no longer meets the escalation rule.',
    });
  }
  await tx.insert(supervisions).values({
    demandId: demand.id,
    unitId: demand.unitId,
    level: opts.level,
    reason,
    rule: opts.rule,
    createdAt: now,
  });
  await tellUnit(a, demand, `诉求 ${demand.number} ${reason}。`);
  return applyTransition(a, {
    demand,
    action: 'escalate',
    to,
    reason,
    data: { level: opts.level, rule: opts.rule },
    patch: { supervised: true, supervisionLevel: opts.level },
  });
}

async function tellUnit(a: ActionContext, demand: DemandRow, body: string) {
  if (demand.unitId) await enqueueConsoleMessages(a, [`unit:${demand.unitId}:handlers`], body);
}
