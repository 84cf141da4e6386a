import type { Tx } from '../../../db/client.js';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import type { Actor } from '../../accounts/actor.js';
import { getSetting } from '../../settings/store.js';
import { nextState } from '../lifecycle.js';
import { applyTransition, endAssignment, type LoadedDemand, loadForAction, stageDeadline } from '../store.js';
import { assignments, type DemandRow } from '../tables.js';

export type ReopenDemandOptions = { actor: Actor; demandId: number; reason: string };

/** 重办: after an unsatisfied callback the same unit must handle the demand again. */
export async function reopenDemand(ctx: AppContext, opts: ReopenDemandOptions): Promise<DemandRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { demand } = await loadForAction(tx, opts.actor, opts.demandId, 'reopen', opts.reason);
    return reopenWithin(ctx, tx, demand, opts.actor, opts.reason, now);
  });
}

/** The reopen itself, inside a caller's transaction (also used by an automatic reopen at callback). */
export async function reopenWithin(ctx: AppContext, tx: Tx, demand: LoadedDemand, actor: Actor, reason: string, now: Date): Promise<DemandRow> {
  const to = nextState('reopen', demand.state);
  if (!to) throw new AppError('demand.invalid_transition', { details: { action: 'reopen', state: demand.state } });
  if (demand.satisfaction !== 'unsatisfied' && demand.solved !== false) throw new AppError('demand.reopen_not_allowed');
  const max = await getSetting(tx, 'reopen.max');
  if (demand.reopenCount >= max) throw new AppError('demand.reopen_limit', { details: { max } });
  if (!demand.unitId) throw new AppError('demand.invalid_transition', { details: { reason: 'no unit to reopen with' } });
  const acknowledgeDueAt = await stageDeadline(ctx, tx, 'acknowledge', demand, now);
  const replyDueAt = await stageDeadline(ctx, tx, 'reply', demand, now);
  await endAssignment(tx, demand.id, now, 'reopened');
  const updated = await applyTransition(tx, {
    demand,
    actor,
    action: 'reopen',
    to,
    at: now,
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
