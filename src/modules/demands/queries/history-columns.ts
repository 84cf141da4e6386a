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

/** A timestamp as JSON carries it: ISO text, with the server's offset. */
type Stamp = string;

/** Everything a demand page shows beside the demand, as columns of the statement that reads the demand. */
export function historyColumns(demandId: typeof demands.id | SQL) {
  const of = <T>(table: Parameters<typeof jsonRows>[0], key: Parameters<typeof jsonRows>[1], fields: Parameters<typeof jsonRows>[3]) =>
    jsonRows<T>(table, key, demandId, fields);
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
