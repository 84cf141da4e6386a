import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, jsonBody, jsonOk } from '../../http/schemas.js';
import { type AppContext, perform, requireAdmin } from '../../kernel/index.js';
import { changeSettings } from './actions/change-settings.js';
import { loadSettings } from './store.js';

const SettingsView = z
  .object({
    'reopen.max': z.number().int().min(0).max(10),
    'reopen.auto': z.boolean(),
    'topics.risingSms': z.boolean(),
    'sms.codesBeyondMainland': z.boolean(),
    'rates.minDemands': z.number().int().min(1).max(100_000),
    'public.rateLimitPerMinute': z.number().int().min(0).max(100_000),
    'public.readRateLimitPerMinute': z.number().int().min(0).max(1_000_000),
    'text.autoDispatchConfidence': z.number().min(0).max(1),
    'proposals.secondsThreshold': z.number().int().min(1).max(100_000),
    'moderation.sensitiveWords': z.array(z.string().trim().min(1).max(50)).max(2000),
    'escalation.rules': z
      .array(z.object({ overdueDays: z.number().int().min(1).max(365), level: z.enum(['township', 'district']) }).strict())
      .max(10),
  })
  .openapi('Settings');

export function settingsRoutes(ctx: AppContext, onChange: () => Promise<void>) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags: ['settings'],
      summary: 'Admin: installation settings',
      security: bearerSecurity,
      responses: { 200: jsonOk(SettingsView), ...errorResponses },
    }),
    async (c) => {
      requireAdmin(requireUser(c));
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
      await perform(ctx, requireUser(c), changeSettings, c.req.valid('json'));
      await onChange();
      return c.json(await loadSettings(ctx.db), 200);
    },
  );
  return app;
}
