import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { regions } from '../regions/tables.js';

export const postKinds = ['village', 'community', 'grid'] as const;
export type PostKind = (typeof postKinds)[number];
export type CoverageTarget = { by: string; share: number };

/** 产业村长, 网格员…: a kind of appointee the district places in its villages, communities or grids, with dated coverage targets. */
export const appointmentProgrammes = pgTable('appointment_programmes', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  regionId: integer('region_id')
    .notNull()
    .references(() => regions.id),
  /** Which regions are posts: villages (村), communities, or grids. */
  postKind: text('post_kind', { enum: postKinds }).notNull(),
  /** 目标、范围、职责、考核: the appointment rules as written. */
  rules: text('rules').notNull(),
  duties: jsonb('duties').$type<string[]>().notNull(),
  targets: jsonb('targets').$type<CoverageTarget[]>().notNull(),
  termMonths: integer('term_months').notNull(),
  createdBy: integer('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const appointeeStates = ['nominated', 'approved', 'rejected', 'appointed', 'dismissed'] as const;
export type AppointeeState = (typeof appointeeStates)[number];

/** A candidate for a post and, once appointed, the appointee with their term, letter and supporting official (结对帮带). */
export const appointees = pgTable(
  'appointees',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => appointmentProgrammes.id),
    postRegionId: integer('post_region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    /** 专家 / 企业家 / 致富带头人…: who they are, in the nominator's words. */
    background: text('background').notNull(),
    nominatedBy: text('nominated_by', { enum: ['self', 'township'] }).notNull(),
    state: text('state', { enum: appointeeStates }).notNull().default('nominated'),
    reviewNote: text('review_note'),
    letterNo: text('letter_no'),
    termStart: date('term_start', { mode: 'string' }),
    termEnd: date('term_end', { mode: 'string' }),
    supportName: text('support_name'),
    supportUserId: integer('support_user_id').references(() => users.id),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('appointees_programme_idx').on(t.programmeId, t.state), index('appointees_post_idx').on(t.postRegionId)],
);

export const workKinds = ['pairing_meeting', 'project', 'training', 'market', 'planning', 'other'] as const;

/** 履职记录: what an appointee did (projects introduced, trainings given, deals made) and the pairing meetings, with evidence. */
export const appointeeLogs = pgTable(
  'appointee_logs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    appointeeId: integer('appointee_id')
      .notNull()
      .references(() => appointees.id),
    kind: text('kind', { enum: workKinds }).notNull(),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    evidence: text('evidence'),
    duty: text('duty'),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('appointee_logs_appointee_idx').on(t.appointeeId)],
);
