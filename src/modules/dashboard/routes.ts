import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, jsonOk } from '../../http/schemas.js';
import type { AppContext } from '../../kernel/index.js';
import { sharedDashboard } from './shared-count.js';

const Count = <T extends z.ZodRawShape>(shape: T) => z.array(z.object({ ...shape, count: z.number() }));

const Dashboard = z
  .object({
    today: Count({ channel: z.string() }),
    open: Count({ state: z.string() }),
    overdueByUnit: Count({ unitId: z.number(), name: z.string() }),
    satisfaction: z.array(z.object({ month: z.string(), calledBack: z.number(), rate: z.number().nullable() })),
    /** Demands of the last 30 days by place (community, with its township): the schematic map's heat. */
    places: Count({ regionId: z.number(), name: z.string(), townshipId: z.number().nullable(), township: z.string().nullable() }),
    /** Open demands past their current step's deadline, as the list's overdue queue counts them. */
    overdue: z.number(),
    month: z.object({ registered: z.number(), closed: z.number() }),
    /** When these figures were counted: the same screen for the same scope is counted at most every 30 s. */
    computedAt: z.string(),
  })
  .openapi('Dashboard');

export function dashboardRoutes(ctx: AppContext) {
  const figures = sharedDashboard(ctx);
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      tags: ['dashboard'],
      summary:
        '一屏: today’s intake by channel, open by state, overdue by unit, satisfaction by month, demands by place — in the caller’s scope',
      security: bearerSecurity,
      responses: { 200: jsonOk(Dashboard), ...errorResponses },
    }),
    async (c) => c.json(await figures(requireUser(c)), 200),
  );
  return app;
}
