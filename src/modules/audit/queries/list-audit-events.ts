import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type Actor, auditEvents, hasAnyRole, isAdmin, withinRegions } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';

export type AuditFilter = {
  resource?: string;
  resourceId?: string;
  actorUserId?: number;
  action?: string;
  from?: string;
  to?: string;
  /** Keyset cursor: events older than this id. */
  before?: number;
  limit: number;
};

/**
 * Who may read the trail: admins all of it, supervisors the events of records in their region.
 * Everyone else is refused (the trail names people).
 */
function auditScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  if (!hasAnyRole(actor, ['supervisor'])) throw new AppError('auth.forbidden');
  return withinRegions(actor, ['supervisor'], auditEvents.regionPath);
}

export async function listAuditEvents(db: Db, actor: Actor, filter: AuditFilter) {
  const where = [auditScope(actor)];
  if (filter.resource) where.push(eq(auditEvents.resource, filter.resource));
  if (filter.resourceId) where.push(eq(auditEvents.resourceId, filter.resourceId));
  if (filter.actorUserId) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.from) where.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) where.push(lte(auditEvents.at, new Date(filter.to)));
  if (filter.before) where.push(lt(auditEvents.id, filter.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((e) => ({
      id: e.id,
      resource: e.resource,
      resourceId: e.resourceId,
      action: e.action,
      actor: { kind: e.actorKind, userId: e.actorUserId, name: e.actorName },
      reason: e.reason,
      data: e.data,
      at: e.at.toISOString(),
    })),
    nextBefore: rows.length > filter.limit ? page[page.length - 1].id : null,
  };
}
