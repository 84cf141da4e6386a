import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, jsonOk } from '../../http/schemas.js';
import type { AppContext } from '../../kernel/index.js';
import { dashboard } from './queries.js';

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

/** How long one scope's figures are shown again before they are counted anew. */
const freshForMs = 30_000;
/** While a new count runs, the last finished one is shown if it is at most this old (a count can take seconds at millions of demands). */
const shownWhileCountingMs = 5 * 60_000;

type Figures = Awaited<ReturnType<typeof dashboard>>;
type Entry = { at: Date; counting: Promise<Figures> | null; last: { at: Date; figures: Figures } | null };

const shown = (last: { at: Date; figures: Figures }) => ({ ...last.figures, computedAt: last.at.toISOString() });

export function dashboardRoutes(ctx: AppContext) {
  const cache = new Map<string, Entry>();
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
    async (c) => {
      const actor = requireUser(c);
      // Everyone with the same grants sees the same screen: the leaders of a district share one count.
      const key = JSON.stringify(actor.grants.map((g) => [g.role, g.unitId, g.regionPath]).sort());
      const now = ctx.now();
      const entry: Entry = cache.get(key) ?? { at: new Date(0), counting: null, last: null };
      cache.set(key, entry);
      const age = (at: Date) => now.getTime() - at.getTime();
      if (entry.last && age(entry.last.at) <= freshForMs && entry.last.at <= now) return c.json(shown(entry.last), 200);
      if (!entry.counting) {
        const at = now;
        entry.counting = dashboard(ctx.db, actor, now)
          .then((figures) => {
            entry.last = { at, figures };
            return figures;
          })
          .finally(() => {
            entry.counting = null;
          });
        // A failed count keeps what was shown before; the caller waiting on it hears of the failure.
        entry.counting.catch(() => undefined);
        entry.at = at;
      }
      // A count is running: the last one, if recent enough, is shown at once, saying when it was counted.
      if (entry.last && age(entry.last.at) <= shownWhileCountingMs && entry.last.at <= now) return c.json(shown(entry.last), 200);
      const figures = await entry.counting;
      return c.json({ ...figures, computedAt: entry.at.toISOString() }, 200);
    },
  );
  return app;
}
