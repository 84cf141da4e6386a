import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, isoDay, jsonBody, jsonOk, ranged, text } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { removeCalendarDay } from './actions/remove-calendar-day.js';
import { replaceTimeLimits } from './actions/replace-time-limits.js';
import { saveCalendarDays } from './actions/save-calendar-days.js';
import { parseCalendarCsv } from './csv.js';
import { listCalendarDays } from './store.js';
import { deadlineStages, timeLimitRules } from './tables.js';

const tags = ['calendar'];
const day = isoDay();
const Day = z.object({ day: day, kind: z.enum(['holiday', 'workday']), note: text(100).default('') });
const Rule = z.object({
  stage: z.enum(deadlineStages),
  categoryId: z.number().int().positive().max(2_147_483_647).nullable(),
  urgency: z.enum(['emergency', 'normal', 'complex']).nullable(),
  amount: ranged('时限', 'A time limit', 1, 10_000),
  unit: z.enum(['minutes', 'hours', 'workdays']),
});

export function calendarRoutes(ctx: AppContext) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/days',
      tags,
      summary: 'Holidays and adjusted working days (调休)',
      responses: { 200: jsonOk(z.object({ items: z.array(Day) })) },
    }),
    async (c) => c.json({ items: await listCalendarDays(ctx.db) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/calendar/days',
      tags,
      summary: 'Admin: add or change days; all or nothing',
      security: bearerSecurity,
      request: jsonBody(z.object({ days: z.array(Day).min(1).max(1000) }).strict()),
      responses: { 200: jsonOk(z.object({ saved: z.number() })), ...errorResponses },
    }),
    async (c) => {
      const saved = await perform(ctx, requireUser(c), saveCalendarDays, { days: c.req.valid('json').days, source: 'form' });
      return c.json({ saved }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/calendar/import',
      tags,
      summary: 'Admin: import a CSV "day,kind,note" (kind: holiday | workday, or 休 | 班); all or nothing',
      security: bearerSecurity,
      request: { body: { content: { 'text/csv': { schema: z.string().max(200_000) } }, required: true } },
      responses: { 200: jsonOk(z.object({ saved: z.number() })), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const days = parseCalendarCsv(await c.req.text());
      return c.json({ saved: await perform(ctx, actor, saveCalendarDays, { days, source: 'csv' }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/calendar/days/{day}',
      tags,
      summary: 'Admin: remove an exception (the day follows the ordinary week again)',
      security: bearerSecurity,
      request: { params: z.object({ day }) },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), removeCalendarDay, { day: c.req.valid('param').day });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/time-limits',
      tags,
      summary: 'Time-limit rules that override the built-in norms',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(Rule) })), ...errorResponses },
    }),
    async (c) => {
      requireUser(c);
      const rows = await ctx.db.select().from(timeLimitRules).orderBy(asc(timeLimitRules.id));
      return c.json({ items: rows.map(({ id: _, ...r }) => ({ ...r, urgency: r.urgency as z.infer<typeof Rule>['urgency'] })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/time-limits',
      tags,
      summary: 'Admin: replace the time-limit rules',
      security: bearerSecurity,
      request: jsonBody(z.object({ rules: z.array(Rule).max(1000) }).strict()),
      responses: { 200: jsonOk(z.object({ saved: z.number() })), ...errorResponses },
    }),
    async (c) => {
      return c.json({ saved: await perform(ctx, requireUser(c), replaceTimeLimits, c.req.valid('json')) }, 200);
    },
  );
  return app;
}
