import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, instant, jsonOk } from '../../http/schemas.js';
import type { AppContext } from '../../kernel/index.js';
import { listAuditEvents } from './queries/list-audit-events.js';

const AuditEvent = z
  .object({
    id: z.number(),
    resource: z.string(),
    resourceId: z.string(),
    action: z.string(),
    actor: z.object({ kind: z.enum(['user', 'resident', 'system']), userId: z.number().nullable(), name: z.string().nullable() }),
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .openapi('AuditEvent');

const Query = z.object({
  resource: z.string().trim().max(50).optional(),
  resourceId: z.string().trim().max(50).optional(),
  actorUserId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  action: z.string().trim().max(50).optional(),
  from: instant().optional(),
  to: instant().optional(),
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 52)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit trail: who did what to which record, when and why — for admins, and supervisors in their region. */
export function auditRoutes(ctx: AppContext) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit-events',
      tags: ['audit'],
      summary: 'The audit trail, newest first, filtered by record, actor, action and time; paged by `before`',
      security: bearerSecurity,
      request: { query: Query },
      responses: { 200: jsonOk(z.object({ items: z.array(AuditEvent), nextBefore: z.number().nullable() })), ...errorResponses },
    }),
    async (c) => c.json(await listAuditEvents(ctx.db, requireUser(c), c.req.valid('query')), 200),
  );
  return app;
}
