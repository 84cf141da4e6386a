import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText } from '../../http/schemas.js';
import { type AppContext, isAdmin, perform } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { issueKey, revokeKey } from './actions/manage-keys.js';
import { listKeys } from './queries/lookups.js';

const tags = ['open311'];
const Key = z
  .object({ id: z.number(), name: z.string(), regionId: z.number(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .openapi('Open311Key');

/** Admins issue and revoke the keys integrators post Open311 requests with. */
export function open311KeyRoutes(ctx: AppContext) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/open311/keys',
      tags,
      summary: 'Admin: Open311 API keys (names and state; the keys themselves are never shown again)',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(Key) })), ...errorResponses },
    }),
    async (c) => {
      if (!isAdmin(requireUser(c))) throw new AppError('auth.forbidden');
      return c.json({ items: await listKeys(ctx.db) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/open311/keys',
      tags,
      summary: 'Admin: issue an Open311 API key for an integrator; requests without address_id land in its region',
      security: bearerSecurity,
      request: jsonBody(z.object({ name: requiredText(100), regionId: z.number().int().positive().max(2_147_483_647) }).strict()),
      responses: {
        201: jsonOk(z.object({ id: z.number(), name: z.string(), apiKey: z.string() }), 'Issued: keep the key, it is shown once'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), issueKey, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/open311/keys/{id}/revoke',
      tags,
      summary: 'Admin: revoke an Open311 API key (its posts stop at once)',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOk(z.object({ ok: z.literal(true) })), ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), revokeKey, { id: c.req.valid('param').id });
      return c.json({ ok: true as const }, 200);
    },
  );
  return app;
}
