import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { isoFromJson, jsonRows } from '../../../db/json-rows.js';
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

type Stamp = string;

/** Everything a demand page shows beside the demand, as columns of the statement that reads the demand. */
function historyColumns() {
  const of = <T>(table: Parameters<typeof jsonRows>[0], key: Parameters<typeof jsonRows>[1], fields: Parameters<typeof jsonRows>[3]) =>
    jsonRows<T>(table, key, demands.id, fields);
  return {
    assigned: of<{
      unitId: number;
      unitName: string;
      dispatchedAt: Stamp;
      acknowledgeDueAt: Stamp;
      acknowledgedAt: Stamp | null;
      endedAt: Stamp | null;
      endReason: string | null;
    }>(assignments, assignments.demandId, (x) => ({
      unitId: x(assignments.unitId),
      unitName: unitNameOf(x(assignments.unitId)),
      dispatchedAt: x(assignments.dispatchedAt),
      acknowledgeDueAt: x(assignments.acknowledgeDueAt),
      acknowledgedAt: x(assignments.acknowledgedAt),
      endedAt: x(assignments.endedAt),
      endReason: x(assignments.endReason),
    })),
    events: of<{
      id: number;
      action: string;
      fromState: string | null;
      toState: string;
      actorKind: (typeof demandEvents.$inferSelect)['actorKind'];
      actorUserId: number | null;
      name: string | null;
      reason: string | null;
      data: Record<string, unknown> | null;
      at: Stamp;
    }>(demandEvents, demandEvents.demandId, (x) => ({
      id: x(demandEvents.id),
      action: x(demandEvents.action),
      fromState: x(demandEvents.fromState),
      toState: x(demandEvents.toState),
      actorKind: x(demandEvents.actorKind),
      actorUserId: x(demandEvents.actorUserId),
      name: userNameOf(x(demandEvents.actorUserId)),
      reason: x(demandEvents.reason),
      data: x(demandEvents.data),
      at: x(demandEvents.at),
    })),
    extensions: of<{
      id: number;
      extraWorkdays: number;
      reason: string;
      status: (typeof extensionRequests.$inferSelect)['status'];
      requestedAt: Stamp;
      decidedAt: Stamp | null;
      decisionReason: string | null;
    }>(extensionRequests, extensionRequests.demandId, (x) => ({
      id: x(extensionRequests.id),
      extraWorkdays: x(extensionRequests.extraWorkdays),
      reason: x(extensionRequests.reason),
      status: x(extensionRequests.status),
      requestedAt: x(extensionRequests.requestedAt),
      decidedAt: x(extensionRequests.decidedAt),
      decisionReason: x(extensionRequests.decisionReason),
    })),
    calls: of<{ satisfaction: (typeof callbacks.$inferSelect)['satisfaction']; solved: boolean; comment: string; at: Stamp }>(
      callbacks,
      callbacks.demandId,
      (x) => ({
        satisfaction: x(callbacks.satisfaction),
        solved: x(callbacks.solved),
        comment: x(callbacks.comment),
        at: x(callbacks.at),
      }),
    ),
    attempts: of<{ note: string; at: Stamp }>(callbackAttempts, callbackAttempts.demandId, (x) => ({
      note: x(callbackAttempts.note),
      at: x(callbackAttempts.at),
    })),
    helping: of<{
      unitId: number;
      unitName: string;
      requestedAt: Stamp;
      acknowledgedAt: Stamp | null;
      contribution: string | null;
      contributedAt: Stamp | null;
      endedAt: Stamp | null;
    }>(assists, assists.demandId, (x) => ({
      unitId: x(assists.unitId),
      unitName: unitNameOf(x(assists.unitId)),
      requestedAt: x(assists.requestedAt),
      acknowledgedAt: x(assists.acknowledgedAt),
      contribution: x(assists.contribution),
      contributedAt: x(assists.contributedAt),
      endedAt: x(assists.endedAt),
    })),
    handOvers: of<{
      fromUnitId: number;
      fromName: string;
      toUnitId: number;
      toName: string;
      reason: string;
      status: (typeof transfers.$inferSelect)['status'];
      requestedAt: Stamp;
      decidedAt: Stamp | null;
      decisionReason: string | null;
    }>(transfers, transfers.demandId, (x) => ({
      fromUnitId: x(transfers.fromUnitId),
      fromName: unitNameOf(x(transfers.fromUnitId)),
      toUnitId: x(transfers.toUnitId),
      toName: unitNameOf(x(transfers.toUnitId)),
      reason: x(transfers.reason),
      status: x(transfers.status),
      requestedAt: x(transfers.requestedAt),
      decidedAt: x(transfers.decidedAt),
      decisionReason: x(transfers.decisionReason),
    })),
    supervised: of<{
      level: (typeof supervisions.$inferSelect)['level'];
      reason: string;
      dueAt: Stamp | null;
      rule: string | null;
      createdAt: Stamp;
      reminderCount: number;
      lastRemindedAt: Stamp | null;
      liftedAt: Stamp | null;
      liftReason: string | null;
    }>(supervisions, supervisions.demandId, (x) => ({
      level: x(supervisions.level),
      reason: x(supervisions.reason),
      dueAt: x(supervisions.dueAt),
      rule: x(supervisions.rule),
      createdAt: x(supervisions.createdAt),
      reminderCount: x(supervisions.reminderCount),
      lastRemindedAt: x(supervisions.lastRemindedAt),
      liftedAt: x(supervisions.liftedAt),
      liftReason: x(supervisions.liftReason),
    })),
    files: of<{ id: number; filename: string; contentType: string; size: number }>(attachments, attachments.demandId, (x) => ({
      id: x(attachments.id),
      filename: x(attachments.filename),
      contentType: x(attachments.contentType),
      size: x(attachments.size),
    })),
  };
}

/** A demand with its whole history, for someone who may see it; others get 404. One statement, two for a merged one. */
export async function getDemand(db: Db, actor: Actor, id: number, now: Date): Promise<DemandDetailView> {
  const { row, scope } = await visibleRow(db, actor, id, historyColumns());
  const { assigned, events, extensions, calls, attempts, helping, handOvers, supervised, files } = row;
  const iso = (text: Stamp) => new Date(text).toISOString();
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
      at: iso(e.at),
    })),
    assignments: assigned.map((a) => ({
      unit: { id: a.unitId, name: a.unitName },
      dispatchedAt: iso(a.dispatchedAt),
      acknowledgeDueAt: iso(a.acknowledgeDueAt),
      acknowledgedAt: isoFromJson(a.acknowledgedAt),
      endedAt: isoFromJson(a.endedAt),
      endReason: a.endReason,
    })),
    extensionRequests: extensions.map((x) => ({
      id: x.id,
      extraWorkdays: x.extraWorkdays,
      reason: x.reason,
      status: x.status,
      requestedAt: iso(x.requestedAt),
      decidedAt: isoFromJson(x.decidedAt),
      decisionReason: x.decisionReason,
    })),
    callbacks: calls.map((c) => ({ satisfaction: c.satisfaction, solved: c.solved, comment: c.comment, at: iso(c.at) })),
    attachments: files,
    callbackAttempts: attempts.map((x) => ({ note: x.note, at: iso(x.at) })),
    assists: helping.map((x) => ({
      unit: { id: x.unitId, name: x.unitName },
      requestedAt: iso(x.requestedAt),
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
      requestedAt: iso(x.requestedAt),
      decidedAt: isoFromJson(x.decidedAt),
      decisionReason: x.decisionReason,
    })),
    supervisions: supervised.map((x) => ({
      level: x.level,
      reason: x.reason,
      dueAt: isoFromJson(x.dueAt),
      byRule: x.rule,
      createdAt: iso(x.createdAt),
      reminderCount: x.reminderCount,
      lastRemindedAt: isoFromJson(x.lastRemindedAt),
      liftedAt: isoFromJson(x.liftedAt),
      liftReason: x.liftReason,
    })),
  };
}
