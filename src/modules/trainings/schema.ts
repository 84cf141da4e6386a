import { z } from '@hono/zod-openapi';
import { instant, requiredText, text } from '../../http/schemas.js';
import { RegisterDemandBody } from '../demands/index.js';
import { enrolmentStates, sessionKinds } from './tables.js';

const id = z.number().int().positive().max(2_147_483_647);
const phone = z.string().regex(/^1\d{10}$/, { message: '请填写 11 位手机号 / an 11-digit mobile number' });

export const PlanBody = z
  .object({ title: requiredText(200), year: z.number().int().min(2000).max(2100), organiser: requiredText(100), regionId: id })
  .strict();
export const PlanReviewBody = z.object({ approved: z.boolean(), note: text(2_000).optional() }).strict();
export const CourseBody = z
  .object({
    planId: id.nullable().optional(),
    title: requiredText(200),
    organiser: requiredText(100),
    venue: requiredText(200),
    regionId: id,
    track: text(50).nullable().optional(),
    audience: z.enum(['open', 'invited']),
    capacity: z.number().int().min(1).max(10_000),
    feeYuan: z.number().int().min(0).max(100_000).optional(),
    description: text(5_000).optional(),
    completionShare: z.number().gt(0).max(1).optional(),
    sessions: z
      .array(
        z
          .object({
            topic: requiredText(200),
            place: requiredText(200),
            kind: z.enum(sessionKinds).optional(),
            startsAt: instant(),
            endsAt: instant(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
    quotas: z
      .array(z.object({ regionId: id, seats: z.number().int().min(1).max(10_000) }).strict())
      .max(500)
      .optional(),
  })
  .strict();
export const StaffEnrolBody = z
  .object({ name: requiredText(50), phone, regionId: id.nullable().optional(), affiliation: text(100).nullable().optional() })
  .strict();
export const PublicEnrolBody = StaffEnrolBody.extend({
  code: z.string().regex(/^\d{6}$/, { message: '6 位验证码 / the 6-digit code' }),
}).strict();
export const PublicCancelBody = z.object({ courseId: id, phone, code: z.string().regex(/^\d{6}$/) }).strict();
/** Proof that the learner is at the door: the receipt token kept from enrolling, or the phone and a code just sent to it. */
const LearnerProof = {
  token: z.string().min(1).max(100).optional(),
  phone: phone.optional(),
  smsCode: z
    .string()
    .regex(/^\d{6}$/, { message: '6 位验证码 / the 6-digit code' })
    .optional(),
};
export const CheckInBody = z.object({ code: requiredText(40), ...LearnerProof }).strict();
export const FeedbackBody = z
  .object({ code: requiredText(40), ...LearnerProof, rating: z.number().int().min(1).max(5), comment: text(500).optional() })
  .strict();
/** What the learner's phone keeps after proving the enrolment (only when a code was the proof: a new receipt). */
export const CheckInAnswer = z
  .object({ sessionId: z.number(), name: z.string(), already: z.boolean(), token: z.string().optional() })
  .openapi('CheckInAnswer');
export const FeedbackAnswer = z.object({ rating: z.number(), token: z.string().optional() }).openapi('FeedbackAnswer');
export const AttendanceBody = z.object({ enrolmentIds: z.array(id).min(1).max(2_000) }).strict();
export const CertificatesBody = z.object({ prefix: requiredText(40) }).strict();
export const CoursesQuery = z.object({ planId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

const Session = z.object({
  id: z.number(),
  topic: z.string(),
  place: z.string(),
  kind: z.enum(sessionKinds),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const CourseRow = z
  .object({
    id: z.number(),
    title: z.string(),
    organiser: z.string(),
    venue: z.string(),
    track: z.string().nullable(),
    audience: z.enum(['open', 'invited']),
    capacity: z.number(),
    enrolled: z.number(),
    planId: z.number().nullable(),
    region: z.string(),
  })
  .openapi('CourseRow');
/** What the caller may still do to a plan: review it, add courses to it (both end once it is approved). */
const PlanAction = z.enum(['review', 'add_course']);
export const PlanView = z
  .object({
    id: z.number(),
    title: z.string(),
    year: z.number(),
    organiser: z.string(),
    regionId: z.number(),
    state: z.enum(['draft', 'approved', 'returned']),
    reviewNote: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    courses: z.array(CourseRow),
    actions: z.array(PlanAction),
  })
  .openapi('TrainingPlan');
export const PlanRow = z
  .object({
    id: z.number(),
    title: z.string(),
    year: z.number(),
    organiser: z.string(),
    region: z.string(),
    state: z.enum(['draft', 'approved', 'returned']),
    reviewNote: z.string().nullable(),
    courses: z.number(),
    actions: z.array(PlanAction),
  })
  .openapi('TrainingPlanRow');
export const CourseReport = z
  .object({
    counts: z.object({ capacity: z.number(), enrolled: z.number(), waitlisted: z.number(), cancelled: z.number(), completed: z.number() }),
    sessions: z.array(
      z.object({ id: z.number(), topic: z.string(), kind: z.enum(sessionKinds), startsAt: z.string(), present: z.number() }),
    ),
    townships: z.array(
      z.object({
        regionId: z.number(),
        township: z.string(),
        seats: z.number(),
        enrolled: z.number(),
        attendedBySession: z.array(z.number()),
        absentSessions: z.array(z.number()),
      }),
    ),
    absentTownships: z.array(z.string()),
    learners: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        township: z.string().nullable(),
        affiliation: z.string().nullable(),
        attended: z.number(),
        completed: z.boolean(),
        certificateNo: z.string().nullable(),
      }),
    ),
    feedback: z.object({ responses: z.number(), meanRating: z.number().nullable() }),
    demandsRaised: z.number(),
  })
  .openapi('CourseReport');
export const CourseView = z
  .object({
    id: z.number(),
    title: z.string(),
    organiser: z.string(),
    venue: z.string(),
    region: z.string(),
    regionId: z.number(),
    track: z.string().nullable(),
    audience: z.enum(['open', 'invited']),
    capacity: z.number(),
    feeYuan: z.number(),
    completionShare: z.number(),
    /** Each session with its check-in code and who has been marked present (by roll call or QR). */
    sessions: z.array(Session.extend({ checkinCode: z.string().nullable(), attendees: z.array(z.number()) })),
    quotas: z.array(z.object({ regionId: z.number(), township: z.string(), seats: z.number() })),
    enrolments: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        phone: z.string(),
        township: z.string().nullable(),
        state: z.enum(enrolmentStates),
        channel: z.enum(['portal', 'operator']),
        /** 1 for the first in line on the wait-list; null for anyone not waiting. */
        waitlistPosition: z.number().nullable(),
        actions: z.array(z.enum(['cancel', 'attend'])),
      }),
    ),
  })
  .openapi('Course');
export const PublicCourse = z
  .object({
    id: z.number(),
    title: z.string(),
    organiser: z.string(),
    venue: z.string(),
    audience: z.enum(['open', 'invited']),
    capacity: z.number(),
    feeYuan: z.number(),
    description: z.string(),
    enrolled: z.number(),
    waitlisted: z.number(),
    sessions: z.array(Session),
  })
  .openapi('PublicCourse');
export const EnrolmentReceipt = z.object({ id: z.number(), state: z.enum(enrolmentStates), waitlistPosition: z.number().nullable() });
/** A resident's own receipt: the token proves the enrolment at the door; the browser that enrolled keeps it. */
export const PublicEnrolmentReceipt = EnrolmentReceipt.extend({ token: z.string() }).openapi('PublicEnrolmentReceipt');
export const CheckInSession = z
  .object({ courseId: z.number(), course: z.string(), topic: z.string(), place: z.string(), startsAt: z.string(), endsAt: z.string() })
  .openapi('CheckInSession');
export const ActivityDemandBody = RegisterDemandBody.omit({ channel: true, idempotencyKey: true })
  .extend({ idempotencyKey: z.string().min(8).max(100) })
  .strict();
export const ActivityDemandReceipt = z.object({ id: z.number(), number: z.string(), queryCode: z.string().nullable() });
