import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { download } from '../../http/download.js';
import { type ResidentLimits, residentLimits } from '../../http/limiters.js';
import { rateLimit } from '../../http/rate-limit.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk } from '../../http/schemas.js';
import { type AppContext, perform, residentActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { checkIn, giveFeedback, recordAttendance } from './actions/attendance.js';
import { cancelEnrolment } from './actions/cancel.js';
import { issueCertificates } from './actions/certificates.js';
import { createCourse } from './actions/create-course.js';
import { enrol } from './actions/enrol.js';
import { createPlan, reviewPlan } from './actions/plans.js';
import { recordActivityDemand } from './actions/record-activity-demand.js';
import { listCourses, listPlans, planWithCourses, publicCatalogue } from './queries/catalogue.js';
import { courseReport } from './queries/course-report.js';
import { checkInSession, courseView, enrolmentReceipt, rosterWorkbook } from './queries/course-view.js';
import * as S from './schema.js';
import { loadCourse, loadPlan } from './store.js';

const tags = ['trainings'];

/** 课程与培训: plans, courses, enrolment with quotas and wait-lists, QR check-in, completion. */
export function trainingRoutes(ctx: AppContext, limitPerMinute: () => number, residents: ResidentLimits = residentLimits()) {
  const app = newRouter();
  const sec = { tags, security: bearerSecurity };
  app.use('/public/courses/*', rateLimit(limitPerMinute, { name: 'courses', client: residents.client }));
  app.use('/public/check-ins', rateLimit(limitPerMinute, { name: 'check-ins', client: residents.client }));

  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/training-plans',
      summary: 'A year’s training plan (draft)',
      request: jsonBody(S.PlanBody),
      responses: { 201: jsonOk(S.PlanView), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const plan = await perform(ctx, actor, createPlan, c.req.valid('json'));
      return c.json(await planWithCourses(ctx.db, actor, plan.id), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/training-plans',
      summary: 'Training plans in the caller’s regions, newest year first',
      responses: { 200: jsonOk(z.object({ items: z.array(S.PlanRow) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await listPlans(ctx.db, requireUser(c)) }, 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/training-plans/{id}',
      summary: 'A plan with its courses',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.PlanView), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const plan = await loadPlan(ctx.db, actor, c.req.valid('param').id);
      return c.json(await planWithCourses(ctx.db, actor, plan.id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/training-plans/{id}/review',
      summary: 'The advisory committee approves the plan or returns it with its reasons',
      request: { params: IdParam, ...jsonBody(S.PlanReviewBody) },
      responses: { 200: jsonOk(S.PlanView), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      await perform(ctx, actor, reviewPlan, { planId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await planWithCourses(ctx.db, actor, c.req.valid('param').id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/courses',
      summary: 'A course with its sessions (and seats per township when invited)',
      request: jsonBody(S.CourseBody),
      responses: { 201: jsonOk(S.CourseView), ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const course = await perform(ctx, requireUser(c), createCourse, {
        ...b,
        sessions: b.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
      });
      return c.json(await courseView(ctx.db, requireUser(c), course.id), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/courses',
      summary: 'Courses by venue in the caller’s regions',
      request: { query: S.CoursesQuery },
      responses: { 200: jsonOk(z.object({ items: z.array(S.CourseRow) })), ...errorResponses },
    }),
    async (c) => {
      const rows = await listCourses(ctx.db, requireUser(c), c.req.valid('query').planId);
      return c.json({ items: rows.map((r) => ({ ...r, enrolled: Number(r.enrolled) })) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/courses/{id}',
      summary: 'A course: sessions with check-in codes, quotas, enrolments (phones masked)',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.CourseView), ...errorResponses },
    }),
    async (c) => c.json(await courseView(ctx.db, requireUser(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/courses/{id}/enrolments.xlsx',
      summary: 'The roster as an Excel workbook (sign-in sheets, reports to the organiser)',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'XLSX',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { name, book } = await rosterWorkbook(ctx.db, requireUser(c), c.req.valid('param').id);
      return download(c, name, book);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/courses/{id}/report',
      summary: 'Enrolment, attendance and completion by session and township; absent townships flagged',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.CourseReport), ...errorResponses },
    }),
    async (c) =>
      c.json(await courseReport(ctx.db, await loadCourse(ctx.db, requireUser(c), c.req.valid('param').id, { staff: true })), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/courses/{id}/enrolments',
      summary: 'Enrol someone on their behalf (an operator at the desk or for an invited township)',
      request: { params: IdParam, ...jsonBody(S.StaffEnrolBody) },
      responses: { 201: jsonOk(S.EnrolmentReceipt), 200: jsonOk(S.EnrolmentReceipt), ...errorResponses },
    }),
    async (c) => {
      const r = await perform(ctx, requireUser(c), enrol, { courseId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await enrolmentReceipt(ctx.db, r.enrolment), r.created ? 201 : 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/enrolments/{id}/cancel',
      summary: 'Cancel an enrolment; a freed place goes to the wait-list at once',
      request: { params: IdParam },
      responses: { 200: jsonOk(z.object({ cancelled: z.number(), promoted: z.number().nullable() })), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, requireUser(c), cancelEnrolment, { enrolmentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/course-sessions/{id}/attendance',
      summary: 'Mark attendance from the list (点名)',
      request: { params: IdParam, ...jsonBody(S.AttendanceBody) },
      responses: { 200: jsonOk(z.object({ recorded: z.number() })), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), recordAttendance, { sessionId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/courses/{id}/demands',
      summary: 'Record a demand a resident raised during the activity (idempotency key required: the tablet may resend)',
      request: { params: IdParam, ...jsonBody(S.ActivityDemandBody) },
      responses: { 201: jsonOk(S.ActivityDemandReceipt), 200: jsonOk(S.ActivityDemandReceipt), ...errorResponses },
    }),
    async (c) => {
      const r = await perform(ctx, requireUser(c), recordActivityDemand, { courseId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json({ id: r.demand.id, number: r.demand.number, queryCode: r.queryCode }, r.created ? 201 : 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/courses/{id}/certificates',
      summary: 'Number a certificate for everyone who completed',
      request: { params: IdParam, ...jsonBody(S.CertificatesBody) },
      responses: { 200: jsonOk(z.object({ issued: z.number() })), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), issueCertificates, { courseId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/courses',
      tags: ['public'],
      summary: 'Courses, classes and lectures with their sessions and places left',
      responses: { 200: jsonOk(z.object({ items: z.array(S.PublicCourse) })) },
    }),
    async (c) => c.json({ items: await publicCatalogue(ctx.db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/courses/{id}/enrolments',
      tags: ['public'],
      summary: 'A resident enrols with a phone code (a place, or a place on the wait-list) and keeps the receipt token',
      request: { params: IdParam, ...jsonBody(S.PublicEnrolBody) },
      responses: { 201: jsonOk(S.PublicEnrolmentReceipt), 200: jsonOk(S.PublicEnrolmentReceipt), ...errorResponses },
    }),
    async (c) => {
      const r = await perform(ctx, residentActor, enrol, {
        courseId: c.req.valid('param').id,
        ...c.req.valid('json'),
        regionId: c.req.valid('json').regionId ?? null,
      });
      return c.json({ ...(await enrolmentReceipt(ctx.db, r.enrolment)), token: r.token ?? '' }, r.created ? 201 : 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/enrolments/cancel',
      tags: ['public'],
      summary: 'A learner cancels with phone and code',
      request: jsonBody(S.PublicCancelBody),
      responses: { 200: jsonOk(z.object({ cancelled: z.number(), promoted: z.number().nullable() })), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, residentActor, cancelEnrolment, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/check-ins/{code}',
      tags: ['public'],
      summary: 'The session a check-in code belongs to (for the page the QR opens)',
      request: { params: z.object({ code: z.string().min(1).max(40) }) },
      responses: { 200: jsonOk(S.CheckInSession), ...errorResponses },
    }),
    async (c) => {
      const session = await checkInSession(ctx.db, c.req.valid('param').code);
      if (!session) throw new AppError('not_found');
      return c.json(session, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/check-ins',
      tags: ['public'],
      summary: 'Check in at a session with the code from its QR and proof of the enrolment (receipt token, or phone and SMS code)',
      request: jsonBody(S.CheckInBody),
      responses: { 200: jsonOk(S.CheckInAnswer), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, residentActor, checkIn, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/session-feedback',
      tags: ['public'],
      summary: 'Rate a session 1–5 with a few words, with the same proof as check-in',
      request: jsonBody(S.FeedbackBody),
      responses: { 200: jsonOk(S.FeedbackAnswer), ...errorResponses },
    }),
    async (c) => c.json(await perform(ctx, residentActor, giveFeedback, c.req.valid('json')), 200),
  );
  return app;
}
