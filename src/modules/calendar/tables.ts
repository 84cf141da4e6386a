import { date, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Exceptions to the Monday–Friday week: public holidays and adjusted working days (调休). */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note').notNull().default(''),
});

export const deadlineStages = ['dispatch', 'acknowledge', 'reply', 'callback'] as const;
export type DeadlineStage = (typeof deadlineStages)[number];

/**
 * Time limit overrides per stage, optionally narrowed by category (and its subcategories)
 * and urgency. The most specific matching rule wins; built-in defaults apply otherwise.
 */
export const timeLimitRules = pgTable('time_limit_rules', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  stage: text('stage', { enum: deadlineStages }).notNull(),
  categoryId: integer('category_id'),
  urgency: text('urgency'),
  amount: integer('amount').notNull(),
  unit: text('unit', { enum: ['minutes', 'hours', 'workdays'] }).notNull(),
});
