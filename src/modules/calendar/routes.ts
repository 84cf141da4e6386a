import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.js';
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { requireUser } from '../../http/auth.js';
import type { HttpEnv } from '../../http/env.js';
import { bearerSecurity, errorResponses, jsonBody, jsonOk, text } from '../../http/schemas.js';
import { isAdmin } from '../../kernel/index.js';
import { invalidateDeadlineInputs } from './cache.js';
import { parseCalendarCsv } from './csv.js';
import { listCalendarDays, upsertCalendarDays } from './store.js';
import { calendarDays, deadlineStages, timeLimitRules } from './tables.js';

const tags = ['calendar'];
const isoDay = z.iso.date({ message: '日期格式为 YYYY-MM-DD / date is YYYY-MM-DD' });
const Day = z.object({ day: isoDay, kind: z.enum(['holiday', 'workday']), note: text(100).default('') });
const Rule = z.object({
  stage: z.enum(deadlineStages),
  categoryId: z.number().int().positive().nullable(),
  urgency: z.enum(['emergency', 'normal', 'complex']).nullable(),
  amount: z.number().int().min(1).max(10_000),
  unit: z.enum(['minutes', 'hours', 'workdays']),
});

export function calendarRoutes(ctx: AppContext) {
  const app = newRouter();
  const admin = (c: Parameters<typeof requireUser>[0]) => {
    if (!isAdmin(requireUser(c))) throw new AppError('auth.forbidden');
  };

  app.openapi(
    createRoute({ method: 'get', path: '/calendar/days', tags, summary: 'Holidays and adjusted working days (调休)', responses: { 200: jsonOk(z.object({ items: z.array(Day) })) } }),
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
      admin(c);
      const saved = await ctx.db.transaction((tx) => upsertCalendarDays(tx, c.req.valid('json').days));
      invalidateDeadlineInputs(ctx.db);
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
      admin(c);
      const days = parseCalendarCsv(await c.req.text());
      const saved = await ctx.db.transaction((tx) => upsertCalendarDays(tx, days));
      invalidateDeadlineInputs(ctx.db);
      return c.json({ saved }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/calendar/days/{day}',
      tags,
      summary: 'Admin: remove an exception (the day follows the ordinary week again)',
      security: bearerSecurity,
      request: { params: z.object({ day: isoDay }) },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      admin(c);
      await ctx.db.delete(calendarDays).where(eq(calendarDays.day, c.req.valid('param').day));
      invalidateDeadlineInputs(ctx.db);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/time-limits', tags, summary: 'Time-limit rules that override the built-in norms', security: bearerSecurity, responses: { 200: jsonOk(z.object({ items: z.array(Rule) })), ...errorResponses } }),
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
      admin(c);
      const { rules } = c.req.valid('json');
      await ctx.db.transaction(async (tx) => {
        await tx.delete(timeLimitRules);
        if (rules.length) await tx.insert(timeLimitRules).values(rules);
      });
      invalidateDeadlineInputs(ctx.db);
      return c.json({ saved: rules.length }, 200);
    },
  );
  return app;
}
