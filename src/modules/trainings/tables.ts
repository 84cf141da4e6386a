import { bigint, boolean, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { demands } from '../demands/tables.js';
import { regions } from '../regions/tables.js';

/** 年度培训计划: courses grouped for a year, reviewed (by an advisory committee) and approved. */
export const trainingPlans = pgTable('training_plans', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  organiser: text('organiser').notNull(),
  regionId: integer('region_id')
    .notNull()
    .references(() => regions.id),
  state: text('state', { enum: ['draft', 'approved', 'returned'] })
    .notNull()
    .default('draft'),
  reviewNote: text('review_note'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  createdBy: integer('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A course, class or lecture: at a venue, by an organiser, open to residents or by invitation with quotas per township. */
export const courses = pgTable(
  'courses',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id').references(() => trainingPlans.id),
    title: text('title').notNull(),
    organiser: text('organiser').notNull(),
    venue: text('venue').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** 共同班次, 党派班次, 农技, 普法…: how the plan groups it. */
    track: text('track'),
    audience: text('audience', { enum: ['open', 'invited'] }).notNull(),
    capacity: integer('capacity').notNull(),
    feeYuan: integer('fee_yuan').notNull().default(0),
    description: text('description').notNull().default(''),
    /** Share of sessions attended that completes the course (≥ 80% by default). */
    completionShare: doublePrecision('completion_share').notNull().default(0.8),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('courses_region_idx').on(t.regionId), index('courses_plan_idx').on(t.planId)],
);

export const sessionKinds = ['lecture', 'practice', 'field_visit'] as const;

export const courseSessions = pgTable(
  'course_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    topic: text('topic').notNull(),
    place: text('place').notNull(),
    kind: text('kind', { enum: sessionKinds }).notNull().default('lecture'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** What the QR code at the door carries: a learner's phone checks in with it. */
    checkinCode: text('checkin_code').notNull(),
  },
  (t) => [uniqueIndex('course_sessions_checkin_key').on(t.checkinCode), index('course_sessions_course_idx').on(t.courseId)],
);

/** 名额: seats of an invited course per township. */
export const courseQuotas = pgTable(
  'course_quotas',
  {
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    seats: integer('seats').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.regionId] })],
);

export const enrolmentStates = ['enrolled', 'waitlisted', 'cancelled'] as const;
export type EnrolmentState = (typeof enrolmentStates)[number];

export const enrolments = pgTable(
  'enrolments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    name: text('name').notNull(),
    /** Kept to tell the learner (wait-list promotion); shown to staff masked, never published. */
    phone: text('phone').notNull(),
    phoneHash: text('phone_hash').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    /** Who the learner is (会员单位, 镇街产业发展中心…), as the organiser lists them. */
    affiliation: text('affiliation'),
    channel: text('channel', { enum: ['portal', 'operator'] }).notNull(),
    state: text('state', { enum: enrolmentStates }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    certificateNo: text('certificate_no'),
    /**
     * SHA-256 of the receipt token the learner's phone keeps from enrolling (or from proving the phone at the door):
     * proof at check-in and feedback that this is the learner, not someone who knows their number.
     */
    tokenHash: text('token_hash'),
  },
  (t) => [index('enrolments_course_idx').on(t.courseId, t.state), uniqueIndex('enrolments_course_phone_key').on(t.courseId, t.phoneHash)],
);

export const attendance = pgTable(
  'course_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => courseSessions.id),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    method: text('method', { enum: ['qr', 'list'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.enrolmentId] })],
);

export const sessionFeedback = pgTable(
  'session_feedback',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => courseSessions.id),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    hidden: boolean('hidden').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.enrolmentId] })],
);

/** Demands residents raised during an activity (a class, a lecture, a field visit), on the "activity" channel. */
export const courseDemands = pgTable(
  'course_demands',
  {
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    demandId: bigint('demand_id', { mode: 'number' })
      .notNull()
      .references(() => demands.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.demandId] })],
);
