import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/auth.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { answerInitiative } from './actions/answer-initiative.js';
import { createInitiative } from './actions/create-initiative.js';
import { listInitiatives, presentInitiative } from './queries/list-initiatives.js';

const View = z
  .object({
    id: z.number(),
    title: z.string(),
    topicLabel: z.string().nullable(),
    unitId: z.number(),
    status: z.string(),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    demandIds: z.array(z.number()),
  })
  .openapi('Initiative');

export function initiativeRoutes(ctx: AppContext) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/initiatives',
      tags: ['initiatives'],
      summary: '治理专项: a supervisor promotes a topic (its demands) to an initiative owned by a unit',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            title: requiredText(200),
            topicLabel: text(200).optional(),
            unitId: z.number().int().positive().max(2_147_483_647),
            demandIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(1000),
          })
          .strict(),
      ),
      responses: { 201: jsonOk(View, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const row = await perform(ctx, actor, createInitiative, c.req.valid('json'));
      return c.json(await presentInitiative(ctx.db, row.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/initiatives',
      tags: ['initiatives'],
      summary: 'Initiatives, newest first',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(View) })), ...errorResponses },
    }),
    async (c) => {
      return c.json({ items: await listInitiatives(ctx.db, requireUser(c)) }, 200);
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
      responses: {
        200: jsonOk(
          z.object({
            initiativeId: z.number(),
            results: z.array(z.object({ demandId: z.number(), outcome: z.enum(['replied', 'skipped']), state: z.string() })),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(
        await perform(ctx, actor, answerInitiative, { initiativeId: c.req.valid('param').id, answer: c.req.valid('json').answer }),
        200,
      );
    },
  );
  return app;
}
