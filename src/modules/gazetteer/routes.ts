import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, text } from '../../http/schemas.js';
import { type AppContext, isAdmin, perform } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { decidePlace } from './actions/decide-place.js';
import { importBoundaries } from './actions/import-boundaries.js';
import { importPlaces } from './actions/import-places.js';
import { learnPlaces } from './actions/learn-places.js';
import { suggestPlace } from './place-demand.js';
import { boundaryCollection, demandPoints, listPlaces } from './queries/map.js';
import { placeKinds, placeStates } from './tables.js';

const tags = ['gazetteer'];
const Geometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }).openapi('Geometry');
const Boundaries = z
  .object({
    type: z.literal('FeatureCollection'),
    /** True when any boundary is schematic (示意边界): the map says so. */
    schematic: z.boolean(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ name: z.string(), regionId: z.number(), level: z.string(), parentId: z.number().nullable() }),
        geometry: Geometry,
      }),
    ),
  })
  .openapi('Boundaries');
const ImportReport = z
  .object({ saved: z.number(), problems: z.array(z.string()), uncovered: z.array(z.string()) })
  .openapi('BoundaryImportReport');
const NamedPlace = z
  .object({
    id: z.number(),
    name: z.string(),
    kind: z.enum(placeKinds),
    regionId: z.number(),
    regionName: z.string(),
    state: z.enum(placeStates),
    source: z.enum(['import', 'learned']),
    evidence: z.number(),
  })
  .openapi('NamedPlace');
const Suggestion = z
  .object({
    regionId: z.number(),
    regionName: z.string(),
    regionPath: z.string(),
    by: z.enum(['coordinates', 'words']),
    /** The name found in the words (a named place or a region's name); null when placed by coordinates. */
    match: z.string().nullable(),
  })
  .openapi('PlaceSuggestion');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

const admin = (c: Parameters<typeof requireUser>[0]) => {
  const actor = requireUser(c);
  if (!isAdmin(actor)) throw new AppError('auth.forbidden');
  return actor;
};

/** 地名 and boundaries: the admin imports and confirms them; operators ask where words place a demand; the map draws them. */
export function gazetteerRoutes(ctx: AppContext) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/gazetteer/boundaries',
      tags,
      summary: 'The district’s boundaries (GeoJSON) for the map',
      security: bearerSecurity,
      responses: { 200: jsonOk(Boundaries), ...errorResponses },
    }),
    async (c) => {
      requireUser(c);
      return c.json((await boundaryCollection(ctx.db)) as z.infer<typeof Boundaries>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/gazetteer/boundaries',
      tags,
      summary: 'Admin: import boundaries from a GeoJSON FeatureCollection (all or nothing, with a report)',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            collection: z.unknown(),
            quality: z.enum(['schematic', 'surveyed']).default('surveyed'),
            dryRun: z.boolean().optional(),
          })
          .strict(),
      ),
      responses: { 200: jsonOk(ImportReport), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await perform(ctx, requireUser(c), importBoundaries, body), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/gazetteer/places',
      tags,
      summary: 'Admin: named places by state (confirmed, or candidates learned from history)',
      security: bearerSecurity,
      request: { query: z.object({ state: z.enum(placeStates).default('confirmed') }) },
      responses: { 200: jsonOk(z.object({ items: z.array(NamedPlace) })), ...errorResponses },
    }),
    async (c) => {
      admin(c);
      return c.json({ items: await listPlaces(ctx.db, c.req.valid('query').state, 500) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/gazetteer/places/import',
      tags,
      summary: 'Admin: import named places from CSV or XLSX (columns 名称, 类型, 社区)',
      security: bearerSecurity,
      request: jsonBody(
        z.object({ format: z.enum(['csv', 'xlsx']), data: z.string().min(1, { message: '文件为空' }).max(5_000_000) }).strict(),
      ),
      responses: { 200: jsonOk(z.object({ saved: z.number(), problems: z.array(z.string()) })), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), importPlaces, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/gazetteer/places/learn',
      tags,
      summary: 'Admin: propose candidate places mined from demands staff placed',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ proposed: z.number() })), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), learnPlaces, {}), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/gazetteer/places/{id}/decision',
      tags,
      summary: 'Admin: confirm or reject a learned candidate',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(z.object({ decision: z.enum(['confirm', 'reject']) }).strict()) },
      responses: { 200: jsonOk(z.object({ id: z.number(), state: z.enum(placeStates) })), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const place = await perform(ctx, requireUser(c), decidePlace, { id, decision: c.req.valid('json').decision });
      return c.json({ id: place.id, state: place.state }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/gazetteer/suggest',
      tags,
      summary: 'Where coordinates or words place a demand: a suggestion the operator may accept',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            address: text(200).optional(),
            text: text(4000).optional(),
            latitude: latitude.optional(),
            longitude: longitude.optional(),
          })
          .strict(),
      ),
      responses: { 200: jsonOk(z.object({ suggestion: Suggestion.nullable() })), ...errorResponses },
    }),
    async (c) => {
      requireUser(c);
      return c.json({ suggestion: await suggestPlace(ctx.db, ctx.db, c.req.valid('json')) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/gazetteer/points',
      tags,
      summary: 'Demands with coordinates in the caller’s scope (about 100 m precision), for the map',
      security: bearerSecurity,
      request: {
        query: z.object({
          days: z.coerce.number().int().min(1).max(366).default(30),
          categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
        }),
      },
      responses: {
        200: jsonOk(
          z.object({
            items: z.array(
              z.object({ id: z.number(), lat: z.number(), long: z.number(), categoryId: z.number().nullable(), regionId: z.number() }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      const { days, categoryId } = c.req.valid('query');
      const to = ctx.now();
      const items = await demandPoints(ctx.db, actor, { from: new Date(to.getTime() - days * 86_400_000), to, categoryId, limit: 5000 });
      return c.json({ items }, 200);
    },
  );

  return app;
}
