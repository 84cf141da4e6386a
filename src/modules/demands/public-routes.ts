import { createRoute, z } from '@hono/zod-openapi';
import { clientAddress } from '../../http/caller.js';
import { type ResidentLimits, residentLimits } from '../../http/limiters.js';
import { rateLimit } from '../../http/rate-limit.js';
import { newRouter } from '../../http/router.js';
import { errorResponses, jsonBody, jsonOk, text } from '../../http/schemas.js';
import type { AppContext } from '../../kernel/index.js';
import { perform, replicaOf, residentActor } from '../../kernel/index.js';
import { rateMerged } from './actions/rate-merged.js';
import { recordCallback } from './actions/record-callback.js';
import { registerDemand } from './actions/register-demand.js';
import { withdrawDemand } from './actions/withdraw-demand.js';
import { findOwnDemand, listPublicAnswered, presentIntake, presentOwnDemand } from './queries/public-lookup.js';
import { LookupBody, PublicDemandView, PublicSubmitBody, pageCursor } from './schema.js';
import { demandStates, demandTypes, satisfactions } from './tables.js';

const tags = ['public'];

/** What residents use without an account. Every route here is rate-limited per address. */
export function publicDemandRoutes(ctx: AppContext, limitPerMinute: () => number, residents: ResidentLimits = residentLimits()) {
  const app = newRouter();
  // Its own paths only: a middleware on /public/* would make every public form share the demands' budget.
  const limited = rateLimit(limitPerMinute, { name: 'demands', client: residents.client });
  app.use('/public/demands', limited);
  app.use('/public/demands/*', limited);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/demands',
      tags,
      summary: 'A resident submits a demand; the answer carries the number and a query code',
      request: jsonBody(PublicSubmitBody),
      responses: {
        201: jsonOk(z.object({ number: z.string(), queryCode: z.string().nullable(), demand: PublicDemandView }), 'Submitted'),
        200: jsonOk(
          z.object({ number: z.string(), queryCode: z.string().nullable(), demand: PublicDemandView }),
          'Already submitted with this idempotency key',
        ),
        ...errorResponses,
        429: errorResponses[409],
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await perform(ctx, residentActor, registerDemand, { channel: 'web', ...body });
      const demand = await presentIntake(ctx.db, result);
      return c.json({ number: result.demand.number, queryCode: result.queryCode, demand }, result.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/demands/lookup',
      tags,
      summary: 'Look up one\u2019s own demand by number and phone (or query code)',
      request: jsonBody(LookupBody),
      responses: { 200: jsonOk(PublicDemandView), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const demand = await residents.lookup(input, clientAddress(c), () => findOwnDemand(ctx.db, input));
      return c.json(await presentOwnDemand(ctx.db, demand.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/demands/feedback',
      tags,
      summary: 'The resident gives their satisfaction once the demand is answered (self-service callback)',
      request: jsonBody(
        z
          .object({
            number: z.string().trim(),
            phone: z.string().trim().optional(),
            queryCode: z.string().trim().optional(),
            satisfaction: z.enum(satisfactions),
            solved: z.boolean(),
            comment: text(1000).optional(),
          })
          .strict(),
      ),
      responses: { 200: jsonOk(PublicDemandView), ...errorResponses },
    }),
    async (c) => {
      const { number, phone, queryCode, ...feedback } = c.req.valid('json');
      const demand = await residents.lookup({ number, phone, queryCode }, clientAddress(c), () =>
        findOwnDemand(ctx.db, { number, phone, queryCode }),
      );
      // A merged demand's resident rates the answer of the demand handled for both.
      await perform(ctx, residentActor, demand.state === 'merged' ? rateMerged : recordCallback, { demandId: demand.id, ...feedback });
      return c.json(await presentOwnDemand(ctx.db, demand.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/demands/withdraw',
      tags,
      summary: '撤回: the resident withdraws their demand',
      request: jsonBody(
        z
          .object({
            number: z.string().trim(),
            phone: z.string().trim().optional(),
            queryCode: z.string().trim().optional(),
            reason: text(1000).optional(),
          })
          .strict(),
      ),
      responses: { 200: jsonOk(PublicDemandView), ...errorResponses },
    }),
    async (c) => {
      const { number, phone, queryCode, reason } = c.req.valid('json');
      const demand = await residents.lookup({ number, phone, queryCode }, clientAddress(c), () =>
        findOwnDemand(ctx.db, { number, phone, queryCode }),
      );
      await perform(ctx, residentActor, withdrawDemand, { demandId: demand.id, reason });
      return c.json(await presentOwnDemand(ctx.db, demand.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/demands',
      tags,
      summary: 'Answered demands for the public, anonymised (no names, phones), by township and category',
      request: {
        query: z.object({
          regionId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(50).default(20),
          /** Keyset paging: the `nextCursor` of the page before (then `page` is not used). */
          after: pageCursor.optional(),
        }),
      },
      responses: {
        200: jsonOk(
          z.object({
            items: z.array(
              z.object({
                number: z.string(),
                type: z.enum(demandTypes),
                state: z.enum(demandStates),
                title: z.string(),
                content: z.string(),
                region: z.string(),
                category: z.string().nullable(),
                unit: z.string().nullable(),
                replyText: z.string().nullable(),
                repliedAt: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
            /** Pass as `after` for the next page; null on the last. */
            nextCursor: z.string().nullable(),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listPublicAnswered(replicaOf(ctx), c.req.valid('query')), 200),
  );

  return app;
}
