import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** 知识库: approved answers an operator reads out to answer a consultation at once. */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    keywords: text('keywords').notNull().default(''),
    categoryId: integer('category_id'),
    status: text('status', { enum: ['draft', 'approved', 'retired'] })
      .notNull()
      .default('draft'),
    /** The date the answer was last checked to be right, and until when it holds. */
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('knowledge_status_idx').on(t.status)],
);
