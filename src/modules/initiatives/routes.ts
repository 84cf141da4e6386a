import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { answerInitiative } from './actions/answer-initiative.js';
import { createInitiative } from './actions/create-initiative.js';
import { removeInitiativeMember } from './actions/remove-member.js';
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
    /** Members not removed. */
    demandIds: z.array(z.number()),
    members: z.array(
      z.object({
        demandId: z.number(),
        number: z.string(),
        title: z.string(),
        state: z.string(),
        removed: z.boolean(),
        removeReason: z.string().nullable(),
        /** What the next collective answer would do to it, and why not when it would not reach it. */
        nextAnswer: z.enum(['reply', 'skip']),
        why: z.enum(['removed', 'other_unit', 'answered', 'finished']).nullable(),
      }),
    ),
    answers: z.array(
      z.object({
        version: z.number(),
        answer: z.string(),
        answeredAt: z.string(),
        recipients: z.array(
          z.object({ demandId: z.number(), outcome: z.enum(['replied', 'skipped']), state: z.string(), why: z.string().nullable() }),
        ),
      }),
    ),
  })
  .openapi('Initiative');

const ids = z.array(z.number().int().positive().max(2_147_483_647));

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
      summary:
        'One collective answer to the members still waiting (each still gets its own callback); `recipients` must be exactly the members the caller was shown as reached, else 409 and nothing is sent. Kept as a new version.',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(z.object({ answer: requiredText(5000), recipients: ids.min(1).max(1000) }).strict()) },
      responses: {
        200: jsonOk(
          z.object({
            initiativeId: z.number(),
            version: z.number(),
            results: z.array(
              z.object({ demandId: z.number(), outcome: z.enum(['replied', 'skipped']), state: z.string(), why: z.string().nullable() }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(await perform(ctx, actor, answerInitiative, { initiativeId: c.req.valid('param').id, ...c.req.valid('json') }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/initiatives/{id}/members/{demandId}/remove',
      tags: ['initiatives'],
      summary: 'A supervisor takes a demand out of the initiative, with a reason: it gets no collective answer',
      security: bearerSecurity,
      request: {
        params: z.object({
          id: IdParam.shape.id,
          demandId: z.coerce
            .number()
            .int()
            .positive()
            .max(2_147_483_647)
            .openapi({ param: { name: 'demandId', in: 'path' }, example: 1 }),
        }),
        ...jsonBody(z.object({ reason: requiredText(500) }).strict()),
      },
      responses: { 200: jsonOk(View), ...errorResponses },
    }),
    async (c) => {
      const { id, demandId } = c.req.valid('param');
      await perform(ctx, requireUser(c), removeInitiativeMember, { initiativeId: id, demandId, reason: c.req.valid('json').reason });
      return c.json(await presentInitiative(ctx.db, id), 200);
    },
  );
  return app;
}
