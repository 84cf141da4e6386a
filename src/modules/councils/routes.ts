import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requireUser } from '../../http/caller.js';
import type { HttpEnv } from '../../http/env.js';
import { type ResidentLimits, residentLimits } from '../../http/limiters.js';
import { rateLimit } from '../../http/rate-limit.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk } from '../../http/schemas.js';
import { type AppContext, perform, residentActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
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
import { chaseOverdueActionItems } from './chase-overdue.js';
import { mayChaseOverdue } from './policy.js';
import { actionItemView, councilDetail, listCouncils, meetingDetail, publicNotices, upcomingMeetings } from './queries.js';
import {
  ActionItemStatusBody,
  ActionItemView,
  AgendaItemBody,
  AgendaItemView,
  AttendanceBody,
  AttendanceResult,
  CloseMeetingBody,
  CommentBody,
  CommentView,
  CorrectionBody,
  CorrectionView,
  CouncilSummary,
  CouncilView,
  CreateCouncilBody,
  MeetingView,
  NoticeView,
  RegionQuery,
  ResolutionBody,
  ResolutionView,
  RunResult,
  ScheduleMeetingBody,
  UpcomingMeetingView,
  VoteResult,
  VotesBody,
} from './schema.js';
import { loadCouncil, loadMeeting } from './store.js';

const tags = ['councils'];
const iso = <T extends { createdAt: Date }>(row: T) => ({ ...row, createdAt: row.createdAt.toISOString() });

/** 四方议事会: every handler authenticates, validates, performs one action and presents. */
export function councilRoutes(ctx: AppContext, limitPerMinute: () => number, residents: ResidentLimits = residentLimits()) {
  const app = newRouter();
  const sec = { tags, security: bearerSecurity };
  const withBody = <B extends z.ZodType>(body: B) => ({ params: IdParam, ...jsonBody(body) });

  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/councils',
      summary: '四方议事会: create a community council with its seats',
      request: jsonBody(CreateCouncilBody),
      responses: { 201: jsonOk(CouncilView), ...errorResponses },
    }),
    async (c) => {
      const { council } = await perform(ctx, requireUser(c), createCouncil, c.req.valid('json'));
      return c.json(await councilDetail(ctx.db, council.id), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/councils',
      summary: 'The councils the caller organises',
      responses: {
        200: jsonOk(
          z.object({
            items: z.array(CouncilSummary),
            /** What the caller may do across councils: run the overdue sweep now. */
            actions: z.array(z.enum(['chase_overdue'])),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json({ items: await listCouncils(ctx.db, actor), actions: mayChaseOverdue(actor) ? ['chase_overdue' as const] : [] }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/councils/{id}',
      summary: 'A council: seats and meetings',
      request: { params: IdParam },
      responses: { 200: jsonOk(CouncilView), ...errorResponses },
    }),
    async (c) => {
      const council = await loadCouncil(ctx.db, requireUser(c), c.req.valid('param').id);
      return c.json(await councilDetail(ctx.db, council.id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/councils/{id}/meetings',
      summary: 'Schedule a meeting',
      request: withBody(ScheduleMeetingBody),
      responses: { 201: jsonOk(MeetingView), ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const input = { councilId: c.req.valid('param').id, ...b, startsAt: new Date(b.startsAt) };
      const m = await perform(ctx, requireUser(c), scheduleMeeting, input);
      return c.json(await meetingDetail(ctx.db, m.id, ctx.now()), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/meetings/{id}',
      summary: 'A meeting: attendance, agenda with votes, resolutions, action items, corrections',
      request: { params: IdParam },
      responses: { 200: jsonOk(MeetingView), ...errorResponses },
    }),
    async (c) => {
      const { meeting } = await loadMeeting(ctx.db, requireUser(c), c.req.valid('param').id);
      return c.json(await meetingDetail(ctx.db, meeting.id, ctx.now()), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/meetings/{id}/agenda-items',
      summary: '议题 from a topic, a demand, a proposal or free text',
      request: withBody(AgendaItemBody),
      responses: { 201: jsonOk(AgendaItemView), ...errorResponses },
    }),
    async (c) => {
      const item = await perform(ctx, requireUser(c), addAgendaItem, { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(item, 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'put',
      path: '/meetings/{id}/attendance',
      summary: 'Seats present (the rest are absent)',
      request: withBody(AttendanceBody),
      responses: { 200: jsonOk(AttendanceResult), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), recordAttendance, { meetingId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/agenda-items/{id}/votes',
      summary: '表决: one vote per seat present; refused without a quorum',
      request: withBody(VotesBody),
      responses: { 200: jsonOk(VoteResult), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), voteAgendaItem, { agendaItemId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/agenda-items/{id}/resolution',
      summary: '决议 with action items, under public notice',
      request: withBody(ResolutionBody),
      responses: { 201: jsonOk(ResolutionView), ...errorResponses },
    }),
    async (c) => {
      const { resolution } = await perform(ctx, requireUser(c), adoptResolution, {
        agendaItemId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      const presented = (await meetingDetail(ctx.db, resolution.meetingId, ctx.now())).resolutions.find((r) => r.id === resolution.id)!;
      return c.json(
        {
          resolution: {
            id: resolution.id,
            agendaItemId: resolution.agendaItemId,
            text: resolution.text,
            noticeUntil: resolution.noticeUntil,
          },
          actionItems: presented.actionItems,
        },
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/meetings/{id}/close',
      summary: 'Close with minutes; the record becomes read-only',
      request: withBody(CloseMeetingBody),
      responses: { 200: jsonOk(MeetingView), ...errorResponses },
    }),
    async (c) => {
      const m = await perform(ctx, requireUser(c), closeMeeting, { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await meetingDetail(ctx.db, m.id, ctx.now()), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/meetings/{id}/corrections',
      summary: 'A correction linked to the record',
      request: withBody(CorrectionBody),
      responses: { 201: jsonOk(CorrectionView), ...errorResponses },
    }),
    async (c) => {
      const correction = await perform(ctx, requireUser(c), addCorrection, { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(iso(correction), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'patch',
      path: '/action-items/{id}',
      summary: 'Progress of an action item',
      request: withBody(ActionItemStatusBody),
      responses: { 200: jsonOk(ActionItemView), ...errorResponses },
    }),
    async (c) => {
      const item = await perform(ctx, requireUser(c), updateActionItem, { actionItemId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await actionItemView(ctx.db, item.id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/action-items/overdue/run',
      summary: '行动项督办: mark action items past their due day overdue and raise their 督办 now (also runs hourly)',
      responses: { 200: jsonOk(RunResult), ...errorResponses },
    }),
    async (c) => {
      if (!mayChaseOverdue(requireUser(c))) throw new AppError('auth.forbidden');
      return c.json(await chaseOverdueActionItems(ctx), 200);
    },
  );

  app.use('/public/resolutions/*', rateLimit(limitPerMinute, { name: 'comments', client: residents.client }) as MiddlewareHandler<HttpEnv>);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/notices',
      tags: ['public'],
      summary: '公示: a community’s resolutions, their progress and comments',
      request: { query: RegionQuery },
      responses: { 200: jsonOk(z.object({ items: z.array(NoticeView) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await publicNotices(ctx.db, c.req.valid('query').regionId, ctx.now()) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/meetings',
      tags: ['public'],
      summary: '会议预告: a community’s coming council meetings with place, time and agenda (nothing personal)',
      request: { query: RegionQuery },
      responses: { 200: jsonOk(z.object({ items: z.array(UpcomingMeetingView) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await upcomingMeetings(ctx.db, c.req.valid('query').regionId, ctx.now()) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/public/resolutions/{id}/comments',
      tags: ['public'],
      summary: 'A resident comments during the notice period',
      request: { params: IdParam, ...jsonBody(CommentBody) },
      responses: { 201: jsonOk(CommentView, 'Added'), ...errorResponses },
    }),
    async (c) => {
      const comment = await perform(ctx, residentActor, commentOnNotice, { resolutionId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(
        {
          id: comment.id,
          resolutionId: comment.resolutionId,
          createdAt: comment.createdAt.toISOString(),
          authorToken: comment.authorToken,
        },
        201,
      );
    },
  );
  return app;
}
