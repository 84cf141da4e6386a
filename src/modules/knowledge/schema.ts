import { z } from '@hono/zod-openapi';
import { isoDay, requiredText, text } from '../../http/schemas.js';
import type { knowledgeArticles } from './tables.js';

const day = isoDay();

export const Article = z
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

export const ArticleBody = z.object({
  title: requiredText(200),
  body: requiredText(10_000),
  keywords: text(500).optional(),
  categoryId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  status: z.enum(['draft', 'approved', 'retired']).optional(),
  reviewedOn: day.nullable().optional(),
  validUntil: day.nullable().optional(),
});
export type ArticleInput = z.infer<typeof ArticleBody>;

export const presentArticle = (a: typeof knowledgeArticles.$inferSelect) => ({
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
