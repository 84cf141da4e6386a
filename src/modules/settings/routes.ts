import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, jsonBody, jsonOk, ranged } from '../../http/schemas.js';
import { type AppContext, perform, requireAdmin } from '../../kernel/index.js';
import { changeSettings } from './actions/change-settings.js';
import { loadSettings } from './store.js';

const SettingsView = z
  .object({
    'reopen.max': ranged('最多重办次数', 'Most reopenings', 0, 10),
    'reopen.auto': z.boolean(),
    'topics.risingSms': z.boolean(),
    'sms.codesBeyondMainland': z.boolean(),
    'rates.minDemands': ranged('参与排名的最少诉求数', 'Fewest demands to be ranked', 1, 100_000),
    'public.rateLimitPerMinute': ranged('群众端每分钟提交上限', 'Public requests per minute', 0, 100_000),
    'public.readRateLimitPerMinute': ranged('群众端每分钟浏览上限', 'Public page loads per minute', 0, 1_000_000),
    'text.autoDispatchConfidence': ranged('自动派单把握度', 'Auto-dispatch confidence', 0, 1, false),
    'proposals.secondsThreshold': ranged('提议附议门槛', 'Seconds to reach the council', 1, 100_000),
    'moderation.sensitiveWords': z.array(z.string().trim().min(1).max(50)).max(2000),
    'escalation.rules': z
      .array(
        z
          .object({ overdueDays: ranged('自动升级督办的超期天数', 'Days overdue', 1, 365), level: z.enum(['township', 'district']) })
          .strict(),
      )
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
