import { createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../kernel/index.js';
import { requireUser } from '../../http/auth.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { answerInitiative } from './actions/answer-initiative.js';
import { createInitiative } from './actions/create-initiative.js';
import { initiativeDemands, initiatives } from './tables.js';

const View = z
  .object({ id: z.number(), title: z.string(), topicLabel: z.string().nullable(), unitId: z.number(), status: z.string(), answer: z.string().nullable(), answeredAt: z.string().nullable(), demandIds: z.array(z.number()) })
  .openapi('Initiative');

export function initiativeRoutes(ctx: AppContext) {
  const app = newRouter();
  const present = async (id: number) => {
    const [i] = await ctx.db.select().from(initiatives).where(eq(initiatives.id, id));
    const links = await ctx.db.select({ d: initiativeDemands.demandId }).from(initiativeDemands).where(eq(initiativeDemands.initiativeId, id));
    return { id: i.id, title: i.title, topicLabel: i.topicLabel, unitId: i.unitId, status: i.status, answer: i.answer, answeredAt: i.answeredAt?.toISOString() ?? null, demandIds: links.map((l) => l.d) };
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/initiatives',
      tags: ['initiatives'],
      summary: '治理专项: a supervisor promotes a topic (its demands) to an initiative owned by a unit',
      security: bearerSecurity,
      request: jsonBody(z.object({ title: requiredText(200), topicLabel: text(200).optional(), unitId: z.number().int().positive(), demandIds: z.array(z.number().int().positive()).min(1).max(1000) }).strict()),
      responses: { 201: jsonOk(View, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const row = await createInitiative(ctx, { actor, ...c.req.valid('json') });
      return c.json(await present(row.id), 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/initiatives', tags: ['initiatives'], summary: 'Initiatives, newest first', security: bearerSecurity, responses: { 200: jsonOk(z.object({ items: z.array(View) })), ...errorResponses } }),
    async (c) => {
      requireUser(c);
      const rows = await ctx.db.select({ id: initiatives.id }).from(initiatives).orderBy(desc(initiatives.id)).limit(200);
      return c.json({ items: await Promise.all(rows.map((r) => present(r.id))) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/initiatives/{id}/answer',
      tags: ['initiatives'],
      summary: 'One collective answer sent to every open demand of the initiative (each still gets its own callback)',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(z.object({ answer: requiredText(5000) }).strict()) },
      responses: { 200: jsonOk(z.object({ initiativeId: z.number(), results: z.array(z.object({ demandId: z.number(), outcome: z.enum(['replied', 'skipped']), state: z.string() })) })), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(await answerInitiative(ctx, { actor, initiativeId: c.req.valid('param').id, answer: c.req.valid('json').answer }), 200);
    },
  );
  return app;
}
