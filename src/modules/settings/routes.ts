import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.js';
import type { AppContext } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { requireUser } from '../../http/auth.js';
import type { HttpEnv } from '../../http/env.js';
import { bearerSecurity, errorResponses, jsonBody, jsonOk } from '../../http/schemas.js';
import { isAdmin } from '../../kernel/index.js';
import { loadSettings, putSetting } from './store.js';

const SettingsView = z
  .object({
    'reopen.max': z.number().int().min(0).max(10),
    'reopen.auto': z.boolean(),
    'rates.minDemands': z.number().int().min(1).max(100_000),
    'public.rateLimitPerMinute': z.number().int().min(0).max(100_000),
    'text.autoDispatchConfidence': z.number().min(0).max(1),
    'proposals.secondsThreshold': z.number().int().min(1).max(100_000),
  })
  .openapi('Settings');

export function settingsRoutes(ctx: AppContext, onChange: () => Promise<void>) {
  const app = newRouter();
  const admin = (c: Parameters<typeof requireUser>[0]) => {
    if (!isAdmin(requireUser(c))) throw new AppError('auth.forbidden');
  };
  app.openapi(
    createRoute({ method: 'get', path: '/settings', tags: ['settings'], summary: 'Admin: installation settings', security: bearerSecurity, responses: { 200: jsonOk(SettingsView), ...errorResponses } }),
    async (c) => {
      admin(c);
      return c.json(await loadSettings(ctx.db), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/settings',
      tags: ['settings'],
      summary: 'Admin: change settings (reopen policy, ranking minimum, public rate limit)',
      security: bearerSecurity,
      request: jsonBody(SettingsView.partial().strict()),
      responses: { 200: jsonOk(SettingsView), ...errorResponses },
    }),
    async (c) => {
      admin(c);
      const body = c.req.valid('json');
      await ctx.db.transaction(async (tx) => {
        for (const [key, value] of Object.entries(body)) await putSetting(tx, key as keyof typeof body, value as never);
      });
      await onChange();
      return c.json(await loadSettings(ctx.db), 200);
    },
  );
  return app;
}
