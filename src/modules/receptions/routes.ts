import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../http/caller.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, instant, jsonBody, jsonOk, requiredText } from '../../http/schemas.js';
import { type AppContext, perform } from '../../kernel/index.js';
import { RegisterDemandBody } from '../demands/index.js';
import { publishReceptionReport } from './actions/publish-reception-report.js';
import { recordReceptionEntry } from './actions/record-reception-entry.js';
import { scheduleReceptionDay } from './actions/schedule-reception-day.js';
import { publicReceptionDays, receptionDayView, staffReceptionDays } from './queries/list-reception-days.js';
import { receptionReport } from './queries/report.js';
import { loadReceptionDay } from './store.js';

const Session = z
  .object({
    id: z.number(),
    title: z.string(),
    regionId: z.number(),
    region: z.string(),
    hosts: z.string(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    reportPublished: z.boolean(),
  })
  .openapi('ReceptionDay');
const StaffSession = Session.extend({
  /** Items raised and those still being worked on: followed up until none is. */
  followUp: z.object({ raised: z.number(), open: z.number() }),
}).openapi('StaffReceptionDay');
const Report = z
  .object({
    session: Session.omit({ reportPublished: true }).extend({ published: z.boolean() }),
    items: z.array(
      z.object({
        /** For staff, to open the demand; null in the public copy. */
        demandId: z.number().nullable(),
        number: z.string(),
        title: z.string(),
        content: z.string(),
        state: z.string(),
        /** Still being worked on: the session is followed up until no item is. */
        open: z.boolean(),
        unit: z.string().nullable(),
        replyText: z.string().nullable(),
      }),
    ),
    counts: z.object({ raised: z.number(), answered: z.number(), closed: z.number(), open: z.number() }),
    /** Every item raised has reached its end. */
    allClosed: z.boolean(),
  })
  .openapi('ReceptionReport');
const ScheduleBody = z
  .object({
    title: requiredText(200),
    regionId: z.number().int().positive().max(2_147_483_647),
    hosts: requiredText(200),
    place: requiredText(200),
    startsAt: instant(),
    endsAt: instant(),
  })
  .strict();
const EntryBody = RegisterDemandBody.omit({ channel: true, idempotencyKey: true })
  .extend({ idempotencyKey: z.string().min(8).max(100) })
  .strict();
const EntryReceipt = z.object({ id: z.number(), number: z.string(), queryCode: z.string().nullable() });
const tags = ['reception days'];

export function receptionRoutes(ctx: AppContext) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reception-days',
      tags,
      summary: '接待日: schedule a session (who receives, where, when)',
      security: bearerSecurity,
      request: jsonBody(ScheduleBody),
      responses: { 201: jsonOk(Session, 'Scheduled'), ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const row = await perform(ctx, requireUser(c), scheduleReceptionDay, {
        ...b,
        startsAt: new Date(b.startsAt),
        endsAt: new Date(b.endsAt),
      });
      return c.json(await receptionDayView(ctx.db, row.id), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/reception-days',
      tags,
      summary: 'Sessions the caller organises, newest first',
      security: bearerSecurity,
      responses: { 200: jsonOk(z.object({ items: z.array(StaffSession) })), ...errorResponses },
    }),
    async (c) => c.json({ items: await staffReceptionDays(ctx.db, requireUser(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/reception-days',
      tags: ['public'],
      summary: 'Upcoming sessions and sessions whose report is published',
      responses: { 200: jsonOk(z.object({ items: z.array(Session) })) },
    }),
    async (c) => c.json({ items: await publicReceptionDays(ctx.db, ctx.now()) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/reception-days/{id}/entries',
      tags,
      summary: 'Record one resident’s demand at the table (idempotency key required: the tablet may resend)',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(EntryBody) },
      responses: { 201: jsonOk(EntryReceipt, 'Recorded'), 200: jsonOk(EntryReceipt, 'Already recorded'), ...errorResponses },
    }),
    async (c) => {
      const result = await perform(ctx, requireUser(c), recordReceptionEntry, {
        receptionDayId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json({ id: result.demand.id, number: result.demand.number, queryCode: result.queryCode }, result.created ? 201 : 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/reception-days/{id}/report',
      tags,
      summary: 'What was raised, who owns each item, its status',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOk(Report), ...errorResponses },
    }),
    async (c) => {
      const session = await loadReceptionDay(ctx.db, requireUser(c), c.req.valid('param').id);
      return c.json(await receptionReport(ctx.db, session.id, { publicView: false }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/reception-days/{id}/publish',
      tags,
      summary: 'Publish the report on the portal',
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOk(Report), ...errorResponses },
    }),
    async (c) => {
      const session = await perform(ctx, requireUser(c), publishReceptionReport, { receptionDayId: c.req.valid('param').id });
      return c.json(await receptionReport(ctx.db, session.id, { publicView: false }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/reception-days/{id}/report',
      tags: ['public'],
      summary: 'A published session report, without names or phones',
      request: { params: IdParam },
      responses: { 200: jsonOk(Report), ...errorResponses },
    }),
    async (c) => c.json(await receptionReport(ctx.db, c.req.valid('param').id, { publicView: true }), 200),
  );
  return app;
}
