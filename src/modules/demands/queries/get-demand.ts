import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { userNameOf } from '../../accounts/index.js';
import { categoryOf } from '../../categories/index.js';
import { regionOf, unitNameOf } from '../../regions/index.js';
import { allowedActions } from '../allowed-actions.js';
import { isTerminal } from '../lifecycle.js';
import { mayView } from '../policy.js';
import type { DemandDetailView } from '../schema.js';
import { scopeColumns, scopeOfRow } from '../store.js';
import { answeredStates, survivingDemand } from '../survivor.js';
import {
  assignments,
  assists,
  attachments,
  callbackAttempts,
  callbacks,
  demandEvents,
  demands,
  extensionRequests,
  supervisions,
  transfers,
} from '../tables.js';
import { type DemandJoined, iso, presentDemand } from './present.js';

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

/** The demand with its names and who takes part in it, read in one statement, for someone who may see it. */
async function visibleRow(db: Db, actor: Actor, id: number) {
  const [found] = await db
    .select({ ...joinedColumns(), ...scopeColumns(demands.id) })
    .from(demands)
    .where(eq(demands.id, id));
  if (!found) throw new AppError('not_found', { details: { demandId: id } });
  const { scope, everUnits } = scopeOfRow(found);
  if (!mayView(actor, scope, everUnits)) throw new AppError('not_found', { details: { demandId: id } });
  return { row: found, scope };
}

/** A demand with the names beside it, for someone who may see it (as its page decides); others get 404. */
export async function loadVisible(db: Db, actor: Actor, id: number): Promise<DemandJoined> {
  return (await visibleRow(db, actor, id)).row;
}

/** A demand with its whole history, for someone who may see it; others get 404. */
export async function getDemand(db: Db, actor: Actor, id: number, now: Date): Promise<DemandDetailView> {
  const { row, scope } = await visibleRow(db, actor, id);
  const assigned = await db
    .select({ a: assignments, unitName: unitNameOf(assignments.unitId) })
    .from(assignments)
    .where(eq(assignments.demandId, id))
    .orderBy(asc(assignments.id));

  const events = await db
    .select({ e: demandEvents, name: userNameOf(demandEvents.actorUserId) })
    .from(demandEvents)
    .where(eq(demandEvents.demandId, id))
    .orderBy(asc(demandEvents.id));
  const extensions = await db.select().from(extensionRequests).where(eq(extensionRequests.demandId, id)).orderBy(asc(extensionRequests.id));
  const calls = await db.select().from(callbacks).where(eq(callbacks.demandId, id)).orderBy(asc(callbacks.id));
  const attempts = await db.select().from(callbackAttempts).where(eq(callbackAttempts.demandId, id)).orderBy(asc(callbackAttempts.id));
  const helping = await db
    .select({ x: assists, unitName: unitNameOf(assists.unitId) })
    .from(assists)
    .where(eq(assists.demandId, id))
    .orderBy(asc(assists.id));
  const handOvers = await db
    .select({ x: transfers, toName: unitNameOf(transfers.toUnitId), fromName: unitNameOf(transfers.fromUnitId) })
    .from(transfers)
    .where(eq(transfers.demandId, id))
    .orderBy(asc(transfers.id));
  const supervised = await db.select().from(supervisions).where(eq(supervisions.demandId, id)).orderBy(asc(supervisions.id));
  const files = await db
    .select({ id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size })
    .from(attachments)
    .where(eq(attachments.demandId, id))
    .orderBy(asc(attachments.id));

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
    events: events.map(({ e, name }) => ({
      id: e.id,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actor: { kind: e.actorKind, userId: e.actorUserId, name: name ?? null },
      reason: e.reason,
      data: e.data,
      at: e.at.toISOString(),
    })),
    assignments: assigned.map(({ a, unitName }) => ({
      unit: { id: a.unitId, name: unitName },
      dispatchedAt: a.dispatchedAt.toISOString(),
      acknowledgeDueAt: a.acknowledgeDueAt.toISOString(),
      acknowledgedAt: iso(a.acknowledgedAt),
      endedAt: iso(a.endedAt),
      endReason: a.endReason,
    })),
    extensionRequests: extensions.map((x) => ({
      id: x.id,
      extraWorkdays: x.extraWorkdays,
      reason: x.reason,
      status: x.status,
      requestedAt: x.requestedAt.toISOString(),
      decidedAt: iso(x.decidedAt),
      decisionReason: x.decisionReason,
    })),
    callbacks: calls.map((c) => ({ satisfaction: c.satisfaction, solved: c.solved, comment: c.comment, at: c.at.toISOString() })),
    attachments: files,
    callbackAttempts: attempts.map((x) => ({ note: x.note, at: x.at.toISOString() })),
    assists: helping.map(({ x, unitName }) => ({
      unit: { id: x.unitId, name: unitName },
      requestedAt: x.requestedAt.toISOString(),
      acknowledgedAt: iso(x.acknowledgedAt),
      contribution: x.contribution,
      contributedAt: iso(x.contributedAt),
      endedAt: iso(x.endedAt),
    })),
    transfers: handOvers.map(({ x, toName, fromName }) => ({
      fromUnit: { id: x.fromUnitId, name: fromName },
      toUnit: { id: x.toUnitId, name: toName },
      reason: x.reason,
      status: x.status,
      requestedAt: x.requestedAt.toISOString(),
      decidedAt: iso(x.decidedAt),
      decisionReason: x.decisionReason,
    })),
    supervisions: supervised.map((x) => ({
      level: x.level,
      reason: x.reason,
      dueAt: iso(x.dueAt),
      byRule: x.rule,
      createdAt: x.createdAt.toISOString(),
      reminderCount: x.reminderCount,
      lastRemindedAt: iso(x.lastRemindedAt),
      liftedAt: iso(x.liftedAt),
      liftReason: x.liftReason,
    })),
  };
}
