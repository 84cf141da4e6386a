import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { createArticle } from './actions/create-article.js';
import { updateArticle } from './actions/update-article.js';
import { searchArticles } from './queries/search-articles.js';
import { Article, ArticleBody, presentArticle } from './schema.js';

const tags = ['knowledge'];

/** 知识库: admins curate and date approved answers; operators search them while on the phone. */
export function knowledgeRoutes(ctx: AppContext) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/knowledge',
      tags,
      summary:
        'Approved, still-valid answers; with q, those that answer it, best first (BM25 with synonyms: 八十 finds 高龄津贴). Admins see drafts and retired ones with status=all',
      security: bearerSecurity,
      request: {
        query: z.object({
          q: z.string().trim().max(100).optional(),
          status: z.enum(['approved', 'all']).default('approved'),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
      },
      responses: { 200: jsonOk(z.object({ items: z.array(Article) })), ...errorResponses },
    }),
    async (c) => {
      const rows = await searchArticles(ctx.db, requireUser(c), c.req.valid('query'), ctx.now());
      return c.json({ items: rows.map(presentArticle) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/knowledge',
      tags,
      summary: 'Admin: add an answer',
      security: bearerSecurity,
      request: jsonBody(ArticleBody.strict()),
      responses: { 201: jsonOk(Article, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(presentArticle(await perform(ctx, requireUser(c), createArticle, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/knowledge/{id}',
      tags,
      summary: 'Admin: edit, approve (with its review date) or retire an answer',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(ArticleBody.partial().strict()) },
      responses: { 200: jsonOk(Article), ...errorResponses },
    }),
    async (c) => {
      const row = await perform(ctx, requireUser(c), updateArticle, { articleId: c.req.valid('param').id, changes: c.req.valid('json') });
      return c.json(presentArticle(row), 200);
    },
  );
  return app;
}
