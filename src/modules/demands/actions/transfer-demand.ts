import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { actorUserId } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getUnit } from '../../regions/index.js';
import { applyTransition, endAssignment, loadForAction, stageDeadline } from '../store.js';
import { assignments, type DemandRow, transfers } from '../tables.js';

/** 转办: the lead unit asks another unit to take the demand over; it stays with the lead until that unit accepts. */
export async function requestTransfer(a: ActionContext, opts: { demandId: number; toUnitId: number; reason: string }): Promise<DemandRow> {
  const { demand, to } = await loadForAction(a.tx, a.actor, opts.demandId, 'request_transfer', opts.reason);
  const target = await getUnit(a.tx, opts.toUnitId);
  if (!target?.active || target.id === demand.unitId) {
    throw new AppError('validation.reference', {
      zh: target?.id === demand.unitId ? '不能转办给本单位。' : '接收单位不存在或已停用。',
      en:
        target?.id === demand.unitId
          ? 'A demand cannot be transferred to the unit holding it.'
          : 'The receiving unit does not exist or is inactive.',
      details: { toUnitId: opts.toUnitId },
    });
  }
  const [pending] = await a.tx
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.demandId, demand.id), eq(transfers.status, 'pending')));
  if (pending) throw new AppError('demand.invalid_transition', { zh: '已有待接收的转办。', en: 'A transfer is already waiting.' });
  await a.tx.insert(transfers).values({
    demandId: demand.id,
    fromUnitId: demand.unitId!,
    toUnitId: target.id,
    reason: opts.reason,
    requestedBy: actorUserId(a.actor),
    requestedAt: a.now,
  });
  return applyTransition(a, {
    demand,
    action: 'request_transfer',
    to,
    reason: opts.reason,
    data: { fromUnitId: demand.unitId, toUnitId: target.id, toUnitName: target.name },
  });
}

/**
 * The receiving unit accepts (the demand is dispatched to it under a fresh acknowledgement deadline, the
 * reply deadline unchanged: the resident waits no longer for the hand-over) or declines with a reason.
 */
export async function decideTransfer(
  a: ActionContext,
  opts: { demandId: number; accept: boolean; reason?: string | null },
): Promise<DemandRow> {
  const action = opts.accept ? 'accept_transfer' : 'decline_transfer';
  const { demand, to, scope } = await loadForAction(a.tx, a.actor, opts.demandId, action, opts.reason);
  const [transfer] = await a.tx
    .select()
    .from(transfers)
    .where(and(eq(transfers.demandId, demand.id), eq(transfers.status, 'pending')));
  if (!transfer || transfer.toUnitId !== scope.transferToUnitId) {
    throw new AppError('demand.invalid_transition', { zh: '该诉求没有待接收的转办。', en: 'This demand has no transfer waiting.' });
  }
  await a.tx
    .update(transfers)
    .set({
      status: opts.accept ? 'accepted' : 'declined',
      decidedBy: actorUserId(a.actor),
      decidedAt: a.now,
      decisionReason: opts.reason ?? null,
    })
    .where(eq(transfers.id, transfer.id));
  const target = await getUnit(a.tx, transfer.toUnitId);
  if (!opts.accept) {
    return applyTransition(a, {
      demand,
      action,
      to,
      reason: opts.reason,
      data: { fromUnitId: transfer.fromUnitId, toUnitId: transfer.toUnitId, toUnitName: target?.name },
    });
  }
  await endAssignment(a.tx, demand.id, a.now, 'transferred');
  const acknowledgeDueAt = await stageDeadline(a.app, a.tx, 'acknowledge', demand, a.now);
  const updated = await applyTransition(a, {
    demand,
    action,
    to,
    reason: opts.reason,
    data: { fromUnitId: transfer.fromUnitId, unitId: transfer.toUnitId, unitName: target?.name },
    patch: { unitId: transfer.toUnitId, stageDueAt: acknowledgeDueAt },
  });
  await a.tx.insert(assignments).values({
    demandId: demand.id,
    unitId: transfer.toUnitId,
    dispatchedBy: actorUserId(a.actor),
    dispatchedAt: a.now,
    acknowledgeDueAt,
  });
  return updated;
}
