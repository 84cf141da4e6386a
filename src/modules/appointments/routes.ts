import { createRoute, z } from '@hono/zod-openapi';
import { desc } from 'drizzle-orm';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk } from '../../http/schemas.js';
import { type AppContext, perform, reachesOrWithin } from '../../kernel/index.js';
import { localDay } from '../calendar/index.js';
import { regionOf } from '../regions/index.js';
import { appointCandidates } from './actions/appoint.js';
import { createProgramme } from './actions/create-programme.js';
import { logWork } from './actions/log-work.js';
import { dismissAppointee, pairSupport, renewTerm } from './actions/manage-term.js';
import { nominate } from './actions/nominate.js';
import { reviewCandidate } from './actions/review.js';
import { appointeeView, listAppointees } from './queries/appointees.js';
import { programmeRegions } from './queries/programme-regions.js';
import { programmeView } from './queries/programme-view.js';
import * as S from './schema.js';
import { loadAppointee, loadProgramme } from './store.js';
import { appointmentProgrammes } from './tables.js';

const tags = ['appointments'];

/** 产业村长, 网格员: programmes of appointments with coverage targets. One action or one query per handler. */
export function appointmentRoutes(ctx: AppContext) {
  const app = newRouter();
  const sec = { tags, security: bearerSecurity };
  const today = () => localDay(ctx.now());
  const detail = async (c: Parameters<typeof requireUser>[0], appointeeId: number) => {
    const actor = requireUser(c);
    return appointeeView(ctx.db, await loadAppointee(ctx.db, actor, appointeeId), today());
  };

  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointment-programmes',
      summary: 'A programme of appointments with duties and dated coverage targets',
      request: jsonBody(S.ProgrammeBody),
      responses: { 201: jsonOk(S.ProgrammeView), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const row = await perform(ctx, actor, createProgramme, c.req.valid('json'));
      return c.json(await programmeView(ctx.db, actor, await loadProgramme(ctx.db, actor, row.id), today()), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/appointment-programmes',
      summary: 'Programmes in the caller’s regions, and the regions where the caller may set one up',
      responses: {
        200: jsonOk(z.object({ items: z.array(S.ProgrammeSummary), createIn: z.array(S.ProgrammeRegion) })),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireUser(c);
      const region = regionOf(appointmentProgrammes.regionId);
      const rows = await ctx.db
        .select({
          id: appointmentProgrammes.id,
          name: appointmentProgrammes.name,
          region: region.name,
          postKind: appointmentProgrammes.postKind,
          path: region.path,
        })
        .from(appointmentProgrammes)
        .orderBy(desc(appointmentProgrammes.id));
      // Township staff see the district's programmes too: they nominate and keep logs for their posts.
      const visible = rows.filter((r) => reachesOrWithin(actor, r.path));
      return c.json({ items: visible.map(({ path: _, ...r }) => r), createIn: await programmeRegions(ctx.db, actor) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/appointment-programmes/{id}',
      summary: 'Coverage today and by township, targets judged, posts to cover, month-end coverage',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.ProgrammeView), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      return c.json(await programmeView(ctx.db, actor, await loadProgramme(ctx.db, actor, c.req.valid('param').id), today()), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/appointment-programmes/{id}/appointees',
      summary: 'Candidates and appointees by post',
      request: { params: IdParam, query: S.AppointeesQuery },
      responses: { 200: jsonOk(z.object({ items: z.array(S.AppointeeRow) })), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const p = await loadProgramme(ctx.db, actor, c.req.valid('param').id);
      return c.json({ items: await listAppointees(ctx.db, actor, p, c.req.valid('query').state) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointment-programmes/{id}/candidates',
      summary: 'Nominate candidates (self-nominated or by a township)',
      request: { params: IdParam, ...jsonBody(S.NominateBody) },
      responses: { 201: jsonOk(z.object({ ids: z.array(z.number()) })), ...errorResponses },
    }),
    async (c) => {
      const rows = await perform(ctx, requireUser(c), nominate, { programmeId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json({ ids: rows.map((r) => r.id) }, 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointment-programmes/{id}/decisions',
      summary: 'Appoint approved candidates on a day, with numbered letters and terms',
      request: { params: IdParam, ...jsonBody(S.AppointBody) },
      responses: { 200: jsonOk(z.object({ appointed: z.number(), termStart: z.string(), termEnd: z.string() })), ...errorResponses },
    }),
    async (c) =>
      c.json(await perform(ctx, requireUser(c), appointCandidates, { programmeId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'get',
      path: '/appointees/{id}',
      summary: 'An appointee: term, pairing, duties with work logged, demands in the post, evaluations',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.AppointeeView), ...errorResponses },
    }),
    async (c) => c.json(await detail(c, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointees/{id}/review',
      summary: 'Approve or reject a candidate (a rejection needs a reason)',
      request: { params: IdParam, ...jsonBody(S.ReviewBody) },
      responses: { 200: jsonOk(S.AppointeeView), ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), reviewCandidate, { appointeeId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await detail(c, c.req.valid('param').id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointees/{id}/pairing',
      summary: 'Pair the appointee with a supporting official (结对帮带)',
      request: { params: IdParam, ...jsonBody(S.PairBody) },
      responses: { 200: jsonOk(S.AppointeeView), ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), pairSupport, { appointeeId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await detail(c, c.req.valid('param').id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointees/{id}/work',
      summary: 'Log work or a pairing meeting, with evidence',
      request: { params: IdParam, ...jsonBody(S.WorkBody) },
      responses: { 201: jsonOk(S.AppointeeView), ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), logWork, { appointeeId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await detail(c, c.req.valid('param').id), 201);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointees/{id}/renewal',
      summary: 'Renew the term for another programme term',
      request: { params: IdParam },
      responses: { 200: jsonOk(S.AppointeeView), ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), renewTerm, { appointeeId: c.req.valid('param').id });
      return c.json(await detail(c, c.req.valid('param').id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...sec,
      method: 'post',
      path: '/appointees/{id}/dismissal',
      summary: 'End an appointment on a day, with the reason',
      request: { params: IdParam, ...jsonBody(S.DismissBody) },
      responses: { 200: jsonOk(S.AppointeeView), ...errorResponses },
    }),
    async (c) => {
      await perform(ctx, requireUser(c), dismissAppointee, { appointeeId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(await detail(c, c.req.valid('param').id), 200);
    },
  );
  return app;
}
