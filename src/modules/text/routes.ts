import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import { underNode } from '../../db/tree.js';
import { requireUser } from '../../http/auth.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonOk } from '../../http/schemas.js';
import { type AppContext, type Role, withinRegions } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { getDemand, loadJoined, visibleDemands } from '../demands/index.js';
import { findDuplicates } from './duplicates.js';
import { Segmenter } from './segment.js';
import type { Suggester } from './suggester.js';
import { TopicIndex } from './topics.js';

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

/** Who reads topics: everyone with a region to look after (not unit handlers). */
const topicRoles: readonly Role[] = ['operator', 'dispatcher', 'supervisor'];

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
      if (!actor.grants.some((g) => g.role === 'admin' || g.role === 'operator' || g.role === 'dispatcher')) {
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
      await getDemand(ctx.db, actor, id, ctx.now()); // 404 unless the caller may see it
      const row = (await loadJoined(ctx.db, id))!;
      const text = `${row.demand.title} ${row.demand.content}`;
      const categories = await suggester.suggestCategories(text);
      const units = await suggester.suggestUnits(categories, row.regionPath);
      const duplicates = await findDuplicates(ctx.db, {
        text,
        regionPath: row.regionPath,
        excludeId: id,
        since: new Date(ctx.now().getTime() - 30 * 86_400_000),
        scope: visibleDemands(actor),
      });
      return c.json({ modelVersion: suggester.version, categories, units, duplicates }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/topics',
      tags: ['text'],
      summary: '一类事: topics among recent demands (same problem, same place), hottest first',
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
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      const q = c.req.valid('query');
      const since = new Date(ctx.now().getTime() - q.days * 86_400_000);
      const scope = withinRegions(actor, topicRoles, sql`r.path`) ?? sql`true`;
      const rows = await queryRows<{
        id: number;
        title: string;
        content: string;
        created_at: string | Date;
        reporter: string | null;
        place: string;
      }>(
        ctx.db,
        sql`select d.id::int as id, d.title, d.content, d.created_at, coalesce(d.reporter_phone, d.reporter_contact) as reporter, r.name as place
              from demands d join regions r on r.id = d.region_id
             where d.created_at >= ${since.toISOString()}::timestamptz and d.state <> 'merged'
               and (${scope})
               ${q.regionId ? sql`and ${underNode(sql`r.path`, 'regions', q.regionId)}` : sql``}
             order by d.created_at desc, d.id desc limit 20000`,
      );
      // The newest 20,000 are read; the index takes them oldest first.
      rows.reverse();
      // The communities' names stay whole words, so they are found as places.
      const index = new TopicIndex(new Segmenter(new Set(rows.map((r) => r.place))));
      for (const r of rows)
        index.add({
          id: String(r.id),
          text: `${r.title} ${r.content}`,
          time: new Date(r.created_at),
          reporter: r.reporter ?? String(r.id),
          place: r.place,
        });
      const titles = new Map(rows.map((r) => [r.id, r.title]));
      const topics = index
        .topics(ctx.now())
        .filter((t) => !q.rising || t.rising)
        .slice(0, q.limit);
      return c.json(
        {
          items: topics.map((t) => ({
            label: t.label,
            place: t.place,
            problem: t.problem,
            keywords: t.keywords,
            heat: t.heat,
            size: t.size,
            reporters: t.reporters,
            rising: t.rising,
            first: t.first.toISOString(),
            last: t.last.toISOString(),
            demandIds: t.ids.map(Number),
            members: t.ids.map((id) => ({ id: Number(id), title: titles.get(Number(id)) ?? '' })),
          })),
        },
        200,
      );
    },
  );
  return app;
}
