import type { SQL } from 'drizzle-orm';
import { jsonRows } from '../../../db/json-rows.js';
import { userNameOf } from '../../accounts/index.js';
import { unitNameOf } from '../../regions/index.js';
import {
  assignments,
  assists,
  attachments,
  callbackAttempts,
  callbacks,
  demandEvents,
  type demands,
  extensionRequests,
  supervisions,
  transfers,
} from '../tables.js';

/** Everything a demand page shows beside the demand, as columns of the statement that reads the demand. */
export function historyColumns(demandId: typeof demands.id | SQL) {
  return {
    assigned: jsonRows(assignments, assignments.demandId, demandId, (x) => ({
      unitId: x(assignments.unitId),
      unitName: unitNameOf(x(assignments.unitId)),
      dispatchedAt: x(assignments.dispatchedAt),
      acknowledgeDueAt: x(assignments.acknowledgeDueAt),
      acknowledgedAt: x(assignments.acknowledgedAt),
      endedAt: x(assignments.endedAt),
      endReason: x(assignments.endReason),
    })),
    events: jsonRows(demandEvents, demandEvents.demandId, demandId, (x) => ({
      id: x(demandEvents.id),
      action: x(demandEvents.action),
      fromState: x(demandEvents.fromState),
      toState: x(demandEvents.toState),
      actorKind: x(demandEvents.actorKind),
      actorUserId: x(demandEvents.actorUserId),
      name: userNameOf(x(demandEvents.actorUserId)) as SQL<string | null>,
      reason: x(demandEvents.reason),
      data: x(demandEvents.data),
      at: x(demandEvents.at),
    })),
    extensions: jsonRows(extensionRequests, extensionRequests.demandId, demandId, (x) => ({
      id: x(extensionRequests.id),
      extraWorkdays: x(extensionRequests.extraWorkdays),
      reason: x(extensionRequests.reason),
      status: x(extensionRequests.status),
      requestedAt: x(extensionRequests.requestedAt),
      decidedAt: x(extensionRequests.decidedAt),
      decisionReason: x(extensionRequests.decisionReason),
    })),
    calls: jsonRows(callbacks, callbacks.demandId, demandId, (x) => ({
      satisfaction: x(callbacks.satisfaction),
      solved: x(callbacks.solved),
      comment: x(callbacks.comment),
      at: x(callbacks.at),
    })),
    attempts: jsonRows(callbackAttempts, callbackAttempts.demandId, demandId, (x) => ({
      note: x(callbackAttempts.note),
      at: x(callbackAttempts.at),
    })),
    helping: jsonRows(assists, assists.demandId, demandId, (x) => ({
      unitId: x(assists.unitId),
      unitName: unitNameOf(x(assists.unitId)),
      requestedAt: x(assists.requestedAt),
      acknowledgedAt: x(assists.acknowledgedAt),
      contribution: x(assists.contribution),
      contributedAt: x(assists.contributedAt),
      endedAt: x(assists.endedAt),
    })),
    handOvers: jsonRows(transfers, transfers.demandId, demandId, (x) => ({
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
    supervised: jsonRows(supervisions, supervisions.demandId, demandId, (x) => ({
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
    files: jsonRows(attachments, attachments.demandId, demandId, (x) => ({
      id: x(attachments.id),
      filename: x(attachments.filename),
      contentType: x(attachments.contentType),
      size: x(attachments.size),
    })),
  };
}
