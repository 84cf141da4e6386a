import type { ActionContext, Actor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getSetting } from '../../settings/index.js';
import { nextState } from '../lifecycle.js';
import { applyTransition, endAssignment, type LoadedDemand, loadForAction, stageDeadline } from '../store.js';
import { assignments, type DemandRow } from '../tables.js';

export type ReopenDemandOptions = { demandId: number; reason: string };

/** 重办: after an unsatisfied callback the same unit must handle the demand again. */
export async function reopenDemand(a: ActionContext, opts: ReopenDemandOptions): Promise<DemandRow> {
  const { demand } = await loadForAction(a.tx, a.actor, opts.demandId, 'reopen', opts.reason);
  return reopenWithin(a, demand, a.actor, opts.reason);
}

/** The reopen itself, inside a caller's transaction (also used by an automatic reopen at callback). */
export async function reopenWithin(a: ActionContext, demand: LoadedDemand, actor: Actor, reason: string): Promise<DemandRow> {
  const { tx, now } = a;
  const to = nextState('reopen', demand.state);
  if (!to) throw new AppError('demand.invalid_transition', { details: { action: 'reopen', state: demand.state } });
  if (demand.satisfaction !== 'unsatisfied' && demand.solved !== false) throw new AppError('demand.reopen_not_allowed');
  const max = await getSetting(tx, 'reopen.max');
  if (demand.reopenCount >= max) throw new AppError('demand.reopen_limit', { details: { max } });
  if (!demand.unitId) throw new AppError('demand.invalid_transition', { details: { reason: 'no unit to reopen with' } });
  const acknowledgeDueAt = await stageDeadline(a.app, tx, 'acknowledge', demand, now);
  const replyDueAt = await stageDeadline(a.app, tx, 'reply', demand, now);
  await endAssignment(tx, demand.id, now, 'reopened');
  const updated = await applyTransition(a, {
    demand,
    actor,
    action: 'reopen',
    to,
    reason,
    data: { unitId: demand.unitId, reopenCount: demand.reopenCount + 1 },
    patch: {
      reopenCount: demand.reopenCount + 1,
      stageDueAt: acknowledgeDueAt,
      replyDueAt,
      replyText: null,
      repliedAt: null,
      satisfaction: null,
      solved: null,
    },
  });
  await tx.insert(assignments).values({
    demandId: demand.id,
    unitId: demand.unitId,
    dispatchedBy: actor.kind === 'user' ? actor.userId : null,
    dispatchedAt: now,
    acknowledgeDueAt,
  });
  return updated;
}
