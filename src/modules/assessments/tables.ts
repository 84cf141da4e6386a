import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { regions, units } from '../regions/tables.js';
import type { Aspect } from './rules/rubric.js';

/** A rubric version: rows are never updated, a change is a new version, so a used version cannot change. */
export const assessmentRubrics = pgTable(
  'assessment_rubrics',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    aspects: jsonb('aspects').$type<Aspect[]>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('assessment_rubrics_name_version_key').on(t.name, t.version)],
);

export const assessmentKinds = ['audit', 'review', 'inspection', 'competition', 'quality_check'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const assessmentStates = ['draft', 'open', 'closed', 'published'] as const;
export type AssessmentState = (typeof assessmentStates)[number];
export type SamplePlan = {
  filter: Record<string, string>;
  population: number;
  size: number;
  sizeFrom: 'fixed' | 'formula';
  formula: string | null;
  allocation: 'proportional' | 'equal';
  strata: Record<string, { population: number; drawn: number }>;
};

/** 抽查 / 述职评议 / 执法检查 / 技能比武 / 质检: one round of assessment against one rubric version. */
export const assessments = pgTable(
  'assessments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: assessmentKinds }).notNull(),
    title: text('title').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => assessmentRubrics.id),
    state: text('state', { enum: assessmentStates }).notNull().default('draft'),
    /** Panel members see only their own scores until the round closes. */
    blind: boolean('blind').notNull().default(false),
    /** 去掉最高分和最低分. */
    trim: boolean('trim').notNull().default(false),
    /** Item keys whose panel means separate equal totals, in order. */
    tieBreak: jsonb('tie_break').$type<string[]>().notNull().default([]),
    /** panel: every assessor scores every subject; balanced / by_stratum: each subject to one assessor. */
    assignment: text('assignment', { enum: ['panel', 'balanced', 'by_stratum'] })
      .notNull()
      .default('panel'),
    /** Rounds of one series (季度抽查) aggregate into an annual evaluation. */
    series: text('series'),
    period: text('period'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    sampleSeed: text('sample_seed'),
    samplePlan: jsonb('sample_plan').$type<SamplePlan>(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('assessments_series_idx').on(t.series)],
);

export const subjectKinds = ['record', 'unit', 'person', 'pair'] as const;

/**
 * What is assessed: a record of a population (a certification file, a closed demand), a unit, a
 * person or a pair. Population records wait outside the sample until drawn.
 */
export const assessmentSubjects = pgTable(
  'assessment_subjects',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    kind: text('kind', { enum: subjectKinds }).notNull(),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    stratum: text('stratum'),
    /** The unit answerable for the subject (a hospital for its files, a school for its secretary): no one assesses their own. */
    unitId: integer('unit_id').references(() => units.id),
    /** 现场述职 or 书面述职. */
    mode: text('mode', { enum: ['on_site', 'written'] }),
    members: jsonb('members').$type<string[]>(),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    inSample: boolean('in_sample').notNull().default(false),
    sampleOrder: integer('sample_order'),
    assessorUserId: integer('assessor_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('assessment_subjects_ref_key').on(t.assessmentId, t.ref),
    index('assessment_subjects_sample_idx').on(t.assessmentId, t.inSample),
  ],
);

export const panelRoles = ['chair', 'assessor', 'expert'] as const;
export type PanelRole = (typeof panelRoles)[number];

export const assessmentPanel = pgTable(
  'assessment_panel',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: panelRoles }).notNull(),
    /** Units the member belongs to (besides their handler grants): their subjects are never assigned to them. */
    unitIds: jsonb('unit_ids').$type<number[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('assessment_panel_member_key').on(t.assessmentId, t.userId)],
);

export const assessmentScores = pgTable(
  'assessment_scores',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => assessmentSubjects.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    itemKey: text('item_key').notNull(),
    passed: boolean('passed'),
    score: doublePrecision('score'),
    reason: text('reason'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('assessment_scores_entry_key').on(t.subjectId, t.userId, t.itemKey),
    index('assessment_scores_assessment_idx').on(t.assessmentId),
  ],
);

/** 专家会诊: an item referred to the expert panel, whose finding is final. */
export const assessmentConsultations = pgTable(
  'assessment_consultations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => assessmentSubjects.id),
    itemKey: text('item_key').notNull(),
    question: text('question').notNull(),
    raisedBy: integer('raised_by').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'decided'] })
      .notNull()
      .default('open'),
    passed: boolean('passed'),
    score: doublePrecision('score'),
    finding: text('finding'),
    /** What the experts consulted (调取的治疗记录…). */
    evidence: text('evidence'),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('assessment_consultations_item_key').on(t.subjectId, t.itemKey)],
);

export const reportKinds = ['self_inspection', 'on_site', 'written', 'comment', 'finding', 'suggestion'] as const;

/** Texts around the scores: 自查 reports, 述职 reports, on-site comments (点评), inspection findings and suggestions. */
export const assessmentReports = pgTable(
  'assessment_reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    subjectId: integer('subject_id').references(() => assessmentSubjects.id),
    kind: text('kind', { enum: reportKinds }).notNull(),
    aspectKey: text('aspect_key'),
    body: text('body').notNull(),
    figures: jsonb('figures').$type<Record<string, number>>(),
    submittedBy: integer('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('assessment_reports_assessment_idx').on(t.assessmentId)],
);

/** 整改: a failed item's task for the answerable unit, tracked to a re-check. */
export const rectificationTasks = pgTable(
  'rectification_tasks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => assessmentSubjects.id),
    itemKey: text('item_key').notNull(),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    description: text('description').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: text('state', { enum: ['open', 'submitted', 'closed'] })
      .notNull()
      .default('open'),
    evidence: text('evidence'),
    recheckNote: text('recheck_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('rectification_tasks_item_key').on(t.subjectId, t.itemKey),
    index('rectification_tasks_owner_idx').on(t.ownerUnitId, t.state),
  ],
);
