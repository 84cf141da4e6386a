import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, jsonBody, jsonOk, requiredText } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { addRegion } from './actions/add-region.js';
import { addUnit } from './actions/add-unit.js';
import { listRegions, listUnits } from './store.js';
import { regionLevels, unitKinds } from './tables.js';

const tags = ['regions'];
const RegionView = z
  .object({
    id: z.number(),
    parentId: z.number().nullable(),
    level: z.enum(regionLevels),
    name: z.string(),
    code: z.string(),
    path: z.string(),
  })
  .openapi('Region');
const UnitView = z
  .object({
    id: z.number(),
    name: z.string(),
    kind: z.enum(unitKinds),
    homeRegionId: z.number().nullable(),
    regionIds: z.array(z.number()),
    categoryIds: z.array(z.number()),
  })
  .openapi('Unit');

export function regionRoutes(ctx: AppContext) {
  const app = newRouter();

  // The region tree is public: residents pick their place from it.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/regions',
      tags,
      summary: 'The region tree (district → township → community → grid)',
      responses: { 200: jsonOk(z.object({ items: z.array(RegionView) })) },
    }),
    async (c) => {
      const rows = await listRegions(ctx.db);
      return c.json({ items: rows.map(({ createdAt: _, ...r }) => r) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/regions',
      tags,
      summary: 'Admin: add a region under a parent',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            parentId: z.number().int().positive().max(2_147_483_647).nullable(),
            level: z.enum(regionLevels),
            name: requiredText(100),
            code: requiredText(50),
          })
          .strict(),
      ),
      responses: { 201: jsonOk(RegionView, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const { createdAt: _, ...region } = await perform(ctx, requireUser(c), addRegion, c.req.valid('json'));
      return c.json(region, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units',
      tags,
      summary: 'Handling units with their regions and categories',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(UnitView) })), ...errorResponses },
    }),
    async (c) => {
      requireUser(c);
      const rows = await listUnits(ctx.db);
      return c.json(
        {
          items: rows.map((u) => ({
            id: u.id,
            name: u.name,
            kind: u.kind,
            homeRegionId: u.homeRegionId,
            regionIds: u.regionIds,
            categoryIds: u.categoryIds,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/units',
      tags,
      summary: 'Admin: add a handling unit',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            name: requiredText(100),
            kind: z.enum(unitKinds),
            homeRegionId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
            regionIds: z.array(z.number().int().positive().max(2_147_483_647)).max(1000).optional(),
            categoryIds: z.array(z.number().int().positive().max(2_147_483_647)).max(1000).optional(),
          })
          .strict(),
      ),
      responses: { 201: jsonOk(UnitView, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const unit = await perform(ctx, requireUser(c), addUnit, body);
      return c.json(
        {
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          homeRegionId: unit.homeRegionId,
          regionIds: body.regionIds ?? [],
          categoryIds: body.categoryIds ?? [],
        },
        201,
      );
    },
  );

  return app;
}
