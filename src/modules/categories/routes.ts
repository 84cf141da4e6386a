import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, jsonBody, jsonOk, requiredText } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { addCategory } from './actions/add-category.js';
import { listCategories } from './store.js';

const tags = ['categories'];
const CategoryView = z
  .object({
    id: z.number(),
    parentId: z.number().nullable(),
    level: z.number(),
    name: z.string(),
    fullName: z.string(),
    utility: z.boolean(),
    active: z.boolean(),
  })
  .openapi('Category');

export function categoryRoutes(ctx: AppContext) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/categories',
      tags,
      summary: 'The matter category tree',
      responses: { 200: jsonOk(z.object({ items: z.array(CategoryView) })) },
    }),
    async (c) => {
      const rows = await listCategories(ctx.db);
      return c.json({ items: rows.map(({ path: _, ...r }) => r) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/categories',
      tags,
      summary: 'Admin: add a category',
      security: bearerSecurity,
      request: jsonBody(
        z
          .object({
            parentId: z.number().int().positive().max(2_147_483_647).nullable(),
            name: requiredText(50),
            utility: z.boolean().optional(),
          })
          .strict(),
      ),
      responses: { 201: jsonOk(CategoryView, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const { path: _, ...row } = await perform(ctx, requireUser(c), addCategory, c.req.valid('json'));
      return c.json(row, 201);
    },
  );
  return app;
}
