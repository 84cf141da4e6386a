import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import type { AppContext } from '../../lib/context.js';
import { requireUser } from '../../http/auth.js';
import type { HttpEnv } from '../../http/env.js';
import { rateLimit } from '../../http/rate-limit.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText, text } from '../../http/schemas.js';
import { addAgendaItem } from './actions/add-agenda-item.js';
import { addCorrection } from './actions/add-correction.js';
import { adoptResolution } from './actions/adopt-resolution.js';
import { closeMeeting } from './actions/close-meeting.js';
import { commentOnNotice } from './actions/comment-on-notice.js';
import { createCouncil } from './actions/create-council.js';
import { recordAttendance } from './actions/record-attendance.js';
import { scheduleMeeting } from './actions/schedule-meeting.js';
import { updateActionItem } from './actions/update-action-item.js';
import { voteAgendaItem } from './actions/vote-agenda-item.js';
import { councilDetail, meetingDetail, publicNotices } from './queries.js';
import { loadCouncil, loadMeeting } from './store.js';
import { CouncilView, MeetingView, NoticeView } from './schema.js';
import { councils, parties } from './tables.js';
import type { MiddlewareHandler } from 'hono';

const day = z.iso.date();
const tags = ['councils'];
const any = z.any();

export function councilRoutes(ctx: AppContext, limitPerMinute: () => number) {
  const app = newRouter();
  const ok = (description = 'OK') => jsonOk(any, description);

  app.openapi(
    createRoute({
      method: 'post', path: '/councils', tags, summary: '四方议事会: create a community council with its seats', security: bearerSecurity,
      request: jsonBody(z.object({
        regionId: z.number().int().positive(), name: requiredText(100), quorumPercent: z.number().int().min(1).max(99).optional(), voteRule: z.enum(['majority_present', 'majority_seats', 'two_thirds_present']).optional(),
        seats: z.array(z.object({ party: z.enum(parties), holderName: requiredText(50), userId: z.number().int().positive().nullable().optional(), position: z.enum(['chair', 'secretary', 'member']).optional(), termStart: day, termEnd: day }).strict()).min(1).max(50),
      }).strict()),
      responses: { 201: jsonOk(CouncilView, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const { council } = await createCouncil(ctx, { actor: requireUser(c), ...c.req.valid('json') });
      return c.json(await councilDetail(ctx.db, council.id), 201);
    },
  );
  app.openapi(createRoute({ method: 'get', path: '/councils', tags, summary: 'Councils', security: bearerSecurity, responses: { 200: ok(), ...errorResponses } }), async (c) => {
    requireUser(c);
    return c.json({ items: await ctx.db.select().from(councils).orderBy(asc(councils.id)) }, 200);
  });
  app.openapi(createRoute({ method: 'get', path: '/councils/{id}', tags, summary: 'A council: seats and meetings', security: bearerSecurity, request: { params: IdParam }, responses: { 200: jsonOk(CouncilView), ...errorResponses } }), async (c) => {
    const council = await loadCouncil(ctx.db, requireUser(c), c.req.valid('param').id);
    return c.json(await councilDetail(ctx.db, council.id), 200);
  });
  app.openapi(
    createRoute({ method: 'post', path: '/councils/{id}/meetings', tags, summary: 'Schedule a meeting', security: bearerSecurity, request: { params: IdParam, ...jsonBody(z.object({ title: requiredText(200), place: requiredText(200), startsAt: z.iso.datetime({ offset: true }) }).strict()) }, responses: { 201: jsonOk(MeetingView, 'Scheduled'), ...errorResponses } }),
    async (c) => {
      const b = c.req.valid('json');
      const m = await scheduleMeeting(ctx, { actor: requireUser(c), councilId: c.req.valid('param').id, ...b, startsAt: new Date(b.startsAt) });
      return c.json(await meetingDetail(ctx.db, m.id), 201);
    },
  );
  app.openapi(createRoute({ method: 'get', path: '/meetings/{id}', tags, summary: 'A meeting: attendance, agenda with votes, resolutions, action items, corrections', security: bearerSecurity, request: { params: IdParam }, responses: { 200: jsonOk(MeetingView), ...errorResponses } }), async (c) => {
    const { meeting } = await loadMeeting(ctx.db, requireUser(c), c.req.valid('param').id);
    return c.json(await meetingDetail(ctx.db, meeting.id), 200);
  });
  app.openapi(
    createRoute({ method: 'post', path: '/meetings/{id}/agenda-items', tags, summary: '议题 from a topic, a demand, a proposal or free text', security: bearerSecurity, request: { params: IdParam, ...jsonBody(z.object({ source: z.enum(['topic', 'demand', 'proposal', 'free']), sourceRef: text(200).optional(), title: requiredText(200), description: text(5000).optional() }).strict()) }, responses: { 201: ok('Added'), ...errorResponses } }),
    async (c) => c.json(await addAgendaItem(ctx, { actor: requireUser(c), meetingId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
  );
  app.openapi(
    createRoute({ method: 'put', path: '/meetings/{id}/attendance', tags, summary: 'Seats present (the rest are absent)', security: bearerSecurity, request: { params: IdParam, ...jsonBody(z.object({ presentSeatIds: z.array(z.number().int().positive()).max(50) }).strict()) }, responses: { 200: ok(), ...errorResponses } }),
    async (c) => c.json(await recordAttendance(ctx, { actor: requireUser(c), meetingId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/agenda-items/{id}/votes', tags, summary: '表决: one vote per seat present; refused without a quorum', security: bearerSecurity, request: { params: IdParam, ...jsonBody(z.object({ votes: z.array(z.object({ seatId: z.number().int().positive(), choice: z.enum(['for', 'against', 'abstain']) }).strict()).max(50) }).strict()) }, responses: { 200: ok(), ...errorResponses } }),
    async (c) => c.json(await voteAgendaItem(ctx, { actor: requireUser(c), agendaItemId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/agenda-items/{id}/resolution', tags, summary: '决议 with action items, under public notice', security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(z.object({ text: requiredText(5000), noticeDays: z.number().int().min(1).max(60).optional(), actionItems: z.array(z.object({ title: requiredText(200), owner: requiredText(100), dueOn: day, demandId: z.number().int().positive().nullable().optional(), initiativeId: z.number().int().positive().nullable().optional() }).strict()).max(50) }).strict()) },
      responses: { 201: ok('Adopted'), ...errorResponses },
    }),
    async (c) => c.json(await adoptResolution(ctx, { actor: requireUser(c), agendaItemId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/meetings/{id}/close', tags, summary: 'Close with minutes; the record becomes read-only', security: bearerSecurity, request: { params: IdParam, ...jsonBody(z.object({ minutes: requiredText(20000) }).strict()) }, responses: { 200: jsonOk(MeetingView), ...errorResponses } }),
    async (c) => {
      const m = await closeMeeting(ctx, { actor: requireUser(c), meetingId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await meetingDetail(ctx.db, m.id), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/meetings/{id}/corrections', tags, summary: 'A correction linked to the record', security: bearerSecurity, request: { params: IdParam, ...jsonBody(z.object({ body: requiredText(5000) }).strict()) }, responses: { 201: ok('Added'), ...errorResponses } }),
    async (c) => c.json(await addCorrection(ctx, { actor: requireUser(c), meetingId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/action-items/{id}', tags, summary: 'Progress of an action item', security: bearerSecurity, request: { params: IdParam, ...jsonBody(z.object({ status: z.enum(['open', 'in_progress', 'done']) }).strict()) }, responses: { 200: ok(), ...errorResponses } }),
    async (c) => c.json(await updateActionItem(ctx, { actor: requireUser(c), actionItemId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );

  app.use('/public/resolutions/*', rateLimit(limitPerMinute) as MiddlewareHandler<HttpEnv>);
  app.openapi(
    createRoute({ method: 'get', path: '/public/notices', tags: ['public'], summary: '公示: a community’s resolutions, their progress and comments', request: { query: z.object({ regionId: z.coerce.number().int().positive() }) }, responses: { 200: jsonOk(z.object({ items: z.array(NoticeView) })), ...errorResponses } }),
    async (c) => c.json({ items: await publicNotices(ctx.db, c.req.valid('query').regionId, ctx.now()) }, 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/public/resolutions/{id}/comments', tags: ['public'], summary: 'A resident comments during the notice period', request: { params: IdParam, ...jsonBody(z.object({ name: text(50).optional(), body: requiredText(2000) }).strict()) }, responses: { 201: ok('Added'), ...errorResponses } }),
    async (c) => c.json(await commentOnNotice(ctx, { resolutionId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
  );
  return app;
}
