import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { isoFromJson } from '../../../db/json-rows.js';
import type { Actor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { categoryOf } from '../../categories/index.js';
import { regionOf, unitNameOf } from '../../regions/index.js';
import { allowedActions } from '../allowed-actions.js';
import { isTerminal } from '../lifecycle.js';
import { mayView } from '../policy.js';
import type { DemandDetailView } from '../schema.js';
import { scopeColumns, scopeOfRow } from '../store.js';
import { answeredStates, survivingDemand } from '../survivor.js';
import { demands } from '../tables.js';
import { historyColumns } from './history-columns.js';
import { type DemandJoined, presentDemand } from './present.js';

/**
 * Demands with the names a page shows beside them: what a list or a demand page reads. Each name is read by its id
 * from the module that owns it, for the rows of the page only.
 */
export function selectJoined(db: Db) {
  return db.select(joinedColumns()).from(demands);
}

function joinedColumns() {
  const region = regionOf(demands.regionId);
  return {
    demand: demands,
    regionName: region.name,
    regionPath: region.path,
    // Null while the demand has no category or unit yet.
    categoryName: categoryOf(demands.categoryId).fullName.as<string | null>(),
    unitName: unitNameOf(demands.unitId).as<string | null>(),
  };
}

export async function loadJoined(db: Db, id: number): Promise<DemandJoined | null> {
  const [row] = await selectJoined(db).where(eq(demands.id, id));
  return row ?? null;
}

/** The demand with its names and who takes part in it, read in one statement (with `more`), for someone who may see it. */
async function visibleRow<M extends Record<string, SQL>>(db: Db, actor: Actor, id: number, more: M) {
  const [found] = await db
    .select({ ...joinedColumns(), ...scopeColumns(demands.id), ...more })
    .from(demands)
    .where(eq(demands.id, id));
  if (!found) throw new AppError('not_found', { details: { demandId: id } });
  const { scope, everUnits } = scopeOfRow(found);
  if (!mayView(actor, scope, everUnits)) throw new AppError('not_found', { details: { demandId: id } });
  return { row: found, scope };
}

/** A demand with the names beside it, for someone who may see it (as its page decides); others get 404. */
export async function loadVisible(db: Db, actor: Actor, id: number): Promise<DemandJoined> {
  return (await visibleRow(db, actor, id, {})).row;
}

/** A demand with its whole history, for someone who may see it; others get 404. One statement, two for a merged one. */
export async function getDemand(db: Db, actor: Actor, id: number, now: Date): Promise<DemandDetailView> {
  const { row, scope } = await visibleRow(db, actor, id, historyColumns(demands.id));
  const { assigned, events, extensions, calls, attempts, helping, handOvers, supervised, files } = row;
  const survivor = row.demand.state === 'merged' && row.demand.mergedIntoId ? await survivingDemand(db, row.demand.mergedIntoId) : null;
  const view = presentDemand(actor, row, now, scope);
  const extensionPending = extensions.some((x) => x.status === 'pending');
  return {
    ...view,
    allowedActions: allowedActions(actor, {
      ...scope,
      state: row.demand.state,
      type: row.demand.type,
      satisfaction: row.demand.satisfaction,
      solved: row.demand.solved,
      extensionPending,
      supervised: row.demand.supervised,
      survivorAnswered: survivor ? answeredStates.includes(survivor.state) : false,
    }),
    mayAttach: !isTerminal(row.demand.state),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actor: { kind: e.actorKind, userId: e.actorUserId, name: e.name ?? null },
      reason: e.reason,
      data: e.data,
      at: isoFromJson(e.at),
    })),
    assignments: assigned.map((a) => ({
      unit: { id: a.unitId, name: a.unitName },
      dispatchedAt: isoFromJson(a.dispatchedAt),
      acknowledgeDueAt: isoFromJson(a.acknowledgeDueAt),
      acknowledgedAt: isoFromJson(a.acknowledgedAt),
      endedAt: isoFromJson(a.endedAt),
      endReason: a.endReason,
    })),
    extensionRequests: extensions.map((x) => ({
      id: x.id,
      extraWorkdays: x.extraWorkdays,
      reason: x.reason,
      status: x.status,
      requestedAt: isoFromJson(x.requestedAt),
      decidedAt: isoFromJson(x.decidedAt),
      decisionReason: x.decisionReason,
    })),
    callbacks: calls.map((c) => ({ satisfaction: c.satisfaction, solved: c.solved, comment: c.comment, at: isoFromJson(c.at) })),
    attachments: files,
    callbackAttempts: attempts.map((x) => ({ note: x.note, at: isoFromJson(x.at) })),
    assists: helping.map((x) => ({
      unit: { id: x.unitId, name: x.unitName },
      requestedAt: isoFromJson(x.requestedAt),
      acknowledgedAt: isoFromJson(x.acknowledgedAt),
      contribution: x.contribution,
      contributedAt: isoFromJson(x.contributedAt),
      endedAt: isoFromJson(x.endedAt),
    })),
    transfers: handOvers.map((x) => ({
      fromUnit: { id: x.fromUnitId, name: x.fromName },
      toUnit: { id: x.toUnitId, name: x.toName },
      reason: x.reason,
      status: x.status,
      requestedAt: isoFromJson(x.requestedAt),
      decidedAt: isoFromJson(x.decidedAt),
      decisionReason: x.decisionReason,
    })),
    supervisions: supervised.map((x) => ({
      level: x.level,
      reason: x.reason,
      dueAt: isoFromJson(x.dueAt),
      byRule: x.rule,
      createdAt: isoFromJson(x.createdAt),
      reminderCount: x.reminderCount,
      lastRemindedAt: isoFromJson(x.lastRemindedAt),
      liftedAt: isoFromJson(x.liftedAt),
      liftReason: x.liftReason,
    })),
  };
}
