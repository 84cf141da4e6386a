import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.js';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { containsPattern } from '../../db/tree.js';
import type { AppContext } from '../../kernel/index.js';
import { localDay } from '../calendar/index.js';
import { AppError } from '../../lib/errors.js';
import { requireUser } from '../../http/auth.js';
import type { HttpEnv } from '../../http/env.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { isAdmin } from '../../kernel/index.js';
import { knowledgeArticles } from './tables.js';

const tags = ['knowledge'];
const isoDay = z.iso.date();
const Article = z
  .object({
    id: z.number(),
    title: z.string(),
    body: z.string(),
    keywords: z.string(),
    categoryId: z.number().nullable(),
    status: z.enum(['draft', 'approved', 'retired']),
    reviewedOn: z.string().nullable(),
    validUntil: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('KnowledgeArticle');
const present = (a: typeof knowledgeArticles.$inferSelect) => ({
  id: a.id,
  title: a.title,
  body: a.body,
  keywords: a.keywords,
  categoryId: a.categoryId,
  status: a.status,
  reviewedOn: a.reviewedOn,
  validUntil: a.validUntil,
  updatedAt: a.updatedAt.toISOString(),
});

/** 知识库: admins curate and date approved answers; operators search them while on the phone. */
export function knowledgeRoutes(ctx: AppContext) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/knowledge',
      tags,
      summary: 'Search approved, still-valid answers (admins see drafts and retired ones with status=all)',
      security: bearerSecurity,
      request: { query: z.object({ q: z.string().trim().max(100).optional(), status: z.enum(['approved', 'all']).default('approved') }) },
      responses: { 200: jsonOk(z.object({ items: z.array(Article) })), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const { q, status } = c.req.valid('query');
      const today = localDay(ctx.now());
      const where = [];
      if (status === 'approved' || !isAdmin(actor)) {
        where.push(eq(knowledgeArticles.status, 'approved'), sql`(${knowledgeArticles.validUntil} is null or ${knowledgeArticles.validUntil} >= ${today})`);
      }
      if (q) {
        const p = containsPattern(q);
        where.push(or(sql`${knowledgeArticles.title} ilike ${p}`, sql`${knowledgeArticles.body} ilike ${p}`, sql`${knowledgeArticles.keywords} ilike ${p}`));
      }
      const rows = await ctx.db.select().from(knowledgeArticles).where(and(...where)).orderBy(desc(knowledgeArticles.updatedAt)).limit(50);
      return c.json({ items: rows.map(present) }, 200);
    },
  );

  const Body = z.object({
    title: requiredText(200),
    body: requiredText(10_000),
    keywords: text(500).optional(),
    categoryId: z.number().int().positive().nullable().optional(),
    status: z.enum(['draft', 'approved', 'retired']).optional(),
    reviewedOn: isoDay.nullable().optional(),
    validUntil: isoDay.nullable().optional(),
  });

  app.openapi(
    createRoute({ method: 'post', path: '/knowledge', tags, summary: 'Admin: add an answer', security: bearerSecurity, request: jsonBody(Body.strict()), responses: { 201: jsonOk(Article, 'Created'), ...errorResponses } }),
    async (c) => {
      const actor = requireUser(c);
      if (!isAdmin(actor)) throw new AppError('auth.forbidden');
      const [row] = await ctx.db.insert(knowledgeArticles).values({ ...c.req.valid('json'), createdBy: actor.userId }).returning();
      return c.json(present(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/knowledge/{id}',
      tags,
      summary: 'Admin: edit, approve (with its review date) or retire an answer',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(Body.partial().strict()) },
      responses: { 200: jsonOk(Article), ...errorResponses },
    }),
    async (c) => {
      if (!isAdmin(requireUser(c))) throw new AppError('auth.forbidden');
      const [row] = await ctx.db
        .update(knowledgeArticles)
        .set({ ...c.req.valid('json'), updatedAt: ctx.now() })
        .where(eq(knowledgeArticles.id, c.req.valid('param').id))
        .returning();
      if (!row) throw new AppError('not_found');
      return c.json(present(row), 200);
    },
  );
  return app;
}
