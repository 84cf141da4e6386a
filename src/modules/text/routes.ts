import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonOk } from '../../http/schemas.js';
import { type AppContext, hasAnyRole, type Role, type UserActor, withinRegions } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { loadVisible, visibleDemands } from '../demands/index.js';
import { findDuplicates } from './duplicates.js';
import { refreshTopics } from './refresh-topics.js';
import { Segmenter } from './segment.js';
import { similarReplies } from './similar-replies.js';
import { storedTopics } from './stored-topics.js';
import type { Suggester } from './suggester.js';

const Suggestions = z
  .object({
    modelVersion: z.string().nullable(),
    categories: z.array(z.object({ categoryId: z.number(), name: z.string(), confidence: z.number() })),
    units: z.array(
      z.object({
        unitId: z.number(),
        name: z.string(),
        score: z.number(),
        reason: z.string(),
        because: z.object({ categoryName: z.string(), confidence: z.number(), dispatched: z.number(), returned: z.number() }),
      }),
    ),
    duplicates: z.array(
      z.object({
        id: z.number(),
        number: z.string(),
        title: z.string(),
        state: z.string(),
        regionName: z.string(),
        similarity: z.number(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('Suggestions');

const SimilarReplies = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        number: z.string(),
        title: z.string(),
        replyText: z.string(),
        unitName: z.string().nullable(),
        repliedAt: z.string().nullable(),
        similarity: z.number(),
      }),
    ),
  })
  .openapi('SimilarReplies');

let replySegmenter: Segmenter | null = null;
const segmenter = () => (replySegmenter ??= new Segmenter());

/** Who reads topics: everyone with a region to look after (not unit handlers). */
const topicRoles: readonly Role[] = ['operator', 'dispatcher', 'supervisor'];

const mayRefreshTopics = (actor: UserActor) => hasAnyRole(actor, ['supervisor', 'admin']);

export function textRoutes(ctx: AppContext, suggester: Suggester) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/text/categories',
      tags: ['text'],
      summary: 'Categories for a text being typed (受理时推荐分类): the classifier’s top 3, calibrated',
      security: bearerSecurity,
      request: { query: z.object({ text: z.string().trim().min(2).max(2000) }) },
      responses: {
        200: jsonOk(z.object({ categories: z.array(z.object({ categoryId: z.number(), name: z.string(), confidence: z.number() })) })),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      if (!hasAnyRole(actor, ['admin', 'operator', 'dispatcher'])) {
        throw new AppError('auth.forbidden');
      }
      return c.json({ categories: await suggester.suggestCategories(c.req.valid('query').text) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/demands/{id}/suggestions',
      tags: ['text'],
      summary: 'Suggested categories (top 3, calibrated), units (with reasons) and open near-duplicates to merge',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOk(Suggestions), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const id = c.req.valid('param').id;
      const row = await loadVisible(ctx.db, actor, id); // 404 unless the caller may see it
      const text = `${row.demand.title} ${row.demand.content}`;
      // Independent of each other: asked at once.
      const [categories, duplicates] = await Promise.all([
        suggester.suggestCategories(text),
        findDuplicates(ctx.db, {
          text,
          regionPath: row.regionPath,
          excludeId: id,
          since: new Date(ctx.now().getTime() - 30 * 86_400_000),
          scope: visibleDemands(actor),
        }),
      ]);
      const units = await suggester.suggestUnits(categories, row.regionPath);
      return c.json({ modelVersion: suggester.version, categories, units, duplicates }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/demands/{id}/similar-replies',
      tags: ['text'],
      summary: '类案答复: replies already given to the answered demands most like this one, among those the caller may see',
      security: bearerSecurity,
      request: { params: IdParam, query: z.object({ limit: z.coerce.number().int().min(1).max(10).default(5) }) },
      responses: { 200: jsonOk(SimilarReplies), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const id = c.req.valid('param').id;
      const row = await loadVisible(ctx.db, actor, id); // 404 unless the caller may see it
      const text = `${row.demand.title} ${row.demand.content}`;
      const items = await similarReplies(ctx.db, actor, segmenter(), { text, excludeId: id, limit: c.req.valid('query').limit });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/similar-replies',
      tags: ['text'],
      summary: '类案答复 for a text being typed at intake, among the answered demands the caller may see',
      security: bearerSecurity,
      request: {
        query: z.object({ q: z.string().trim().min(2).max(2000), limit: z.coerce.number().int().min(1).max(10).default(5) }),
      },
      responses: { 200: jsonOk(SimilarReplies), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const { q, limit } = c.req.valid('query');
      return c.json({ items: await similarReplies(ctx.db, actor, segmenter(), { text: q, limit }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/topics',
      tags: ['text'],
      summary: '一类事: stored topics (same problem, same place), hottest first; only members in the caller’s regions are listed',
      security: bearerSecurity,
      request: {
        query: z.object({
          regionId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          days: z.coerce.number().int().min(1).max(365).default(90),
          rising: z.enum(['true']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
      responses: {
        200: jsonOk(
          z.object({
            items: z.array(
              z.object({
                label: z.string(),
                place: z.string().nullable(),
                problem: z.string(),
                keywords: z.array(z.string()),
                heat: z.number(),
                size: z.number(),
                reporters: z.number(),
                rising: z.boolean(),
                first: z.string(),
                last: z.string(),
                demandIds: z.array(z.number()),
                /** What the supervisor checks before promoting: each member's title. */
                members: z.array(z.object({ id: z.number(), title: z.string() })),
                /** The 治理专项 some of its demands already belong to (then it is not promoted again). */
                initiative: z.object({ id: z.number(), title: z.string() }).nullable(),
              }),
            ),
            /** When the stored topics were computed (null: not yet). */
            computedAt: z.string().nullable(),
            /** Whether the caller may ask for a regrouping now (POST /topics/refresh). */
            mayRefresh: z.boolean(),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      const q = c.req.valid('query');
      const scope = withinRegions(actor, topicRoles, sql`m.region_path`) ?? sql`true`;
      return c.json({ ...(await storedTopics(ctx.db, { ...q, scope, now: ctx.now() })), mayRefresh: mayRefreshTopics(actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/topics/refresh',
      tags: ['text'],
      summary: 'Recompute 一类事 now (it is also refreshed in the background as demands arrive, at least hourly)',
      security: bearerSecurity,
      responses: {
        200: jsonOk(z.object({ topics: z.number(), demands: z.number(), computedAt: z.string() })),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      if (!mayRefreshTopics(actor)) throw new AppError('auth.forbidden');
      const r = await refreshTopics(ctx);
      return c.json({ ...r, computedAt: r.computedAt.toISOString() }, 200);
    },
  );
  return app;
}
