import type { ActionContext } from './action.js';
import { actorUserId } from './actor.js';
import { auditEvents } from './audit-table.js';

export type AuditEntry = {
  resource: string;
  resourceId: number | string;
  action: string;
  regionPath?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
};

/** The row an entry becomes; shared with statements that write the event themselves (intake). */
export function auditRow(a: Pick<ActionContext, 'actor' | 'now'>, entry: AuditEntry) {
  return {
    resource: entry.resource,
    resourceId: String(entry.resourceId),
    action: entry.action,
    actorKind: a.actor.kind,
    actorUserId: actorUserId(a.actor),
    actorName: a.actor.kind === 'user' ? a.actor.displayName : null,
    regionPath: entry.regionPath ?? null,
    reason: entry.reason?.trim() || null,
    data: entry.data ?? null,
    at: a.now,
  };
}

/**
 * Records one change in the audit trail, in the action's transaction: it commits with the change
 * or not at all. It needs the action context, so only an action can write it.
 */
export async function audit(a: ActionContext, entry: AuditEntry): Promise<void> {
  await a.tx.insert(auditEvents).values(auditRow(a, entry));
  a.markAudited();
}

/** Many entries in one action (a panel's batch of scores, one event per subject), written in chunks of one statement each. */
export async function auditMany(a: ActionContext, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1_000) {
    await a.tx.insert(auditEvents).values(entries.slice(i, i + 1_000).map((e) => auditRow(a, e)));
  }
  if (entries.length) a.markAudited();
}
