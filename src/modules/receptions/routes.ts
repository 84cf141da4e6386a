import { createRoute, z } from '@hono/zod-openapi';
import { asc, desc, eq, gte, isNotNull, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { requireUser } from '../../http/auth.js';
import { newRouter } from '../../http/router.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonOk, requiredText } from '../../http/schemas.js';
import { organisesIn, type UserActor } from '../accounts/actor.js';
import { RegisterDemandBody } from '../demands/schema.js';
import { getRegion } from '../regions/store.js';
import { regions } from '../regions/tables.js';
import { recordReceptionEntry } from './actions/record-reception-entry.js';
import { receptionReport } from './queries/report.js';
import { receptionDays } from './tables.js';

const Session = z
  .object({ id: z.number(), title: z.string(), regionId: z.number(), region: z.string(), hosts: z.string(), place: z.string(), startsAt: z.string(), endsAt: z.string(), reportPublished: z.boolean() })
  .openapi('ReceptionDay');
const Report = z.object({
  session: z.object({ id: z.number(), title: z.string(), regionId: z.number(), region: z.string(), hosts: z.string(), place: z.string(), startsAt: z.string(), endsAt: z.string(), published: z.boolean() }),
  items: z.array(z.object({ number: z.string(), title: z.string(), content: z.string(), state: z.string(), unit: z.string().nullable(), replyText: z.string().nullable() })),
  counts: z.object({ raised: z.number(), answered: z.number(), closed: z.number() }),
});
const EntryBody = RegisterDemandBody.omit({ channel: true, idempotencyKey: true }).extend({ idempotencyKey: z.string().min(8).max(100) }).strict();


export function receptionRoutes(ctx: AppContext) {
  const app = newRouter();
  const list = async (where: SQL | undefined, order: 'asc' | 'desc') => {
    const rows = await ctx.db
      .select({ r: receptionDays, region: regions.name })
      .from(receptionDays)
      .innerJoin(regions, eq(regions.id, receptionDays.regionId))
      .where(where)
      .orderBy(order === 'asc' ? asc(receptionDays.startsAt) : desc(receptionDays.startsAt))
      .limit(100);
    return rows.map(({ r, region }) => ({ id: r.id, title: r.title, regionId: r.regionId, region, hosts: r.hosts, place: r.place, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), reportPublished: !!r.reportPublishedAt }));
  };
  const load = async (actor: UserActor, id: number) => {
    const [row] = await ctx.db.select({ r: receptionDays, path: regions.path }).from(receptionDays).innerJoin(regions, eq(regions.id, receptionDays.regionId)).where(eq(receptionDays.id, id));
    if (!row || !organisesIn(actor, row.path)) throw new AppError('not_found');
    return row.r;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reception-days',
      tags: ['reception days'],
      summary: '接待日: schedule a session (who receives, where, when)',
      security: bearerSecurity,
      request: jsonBody(z.object({ title: requiredText(200), regionId: z.number().int().positive(), hosts: requiredText(200), place: requiredText(200), startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) }).strict()),
      responses: { 201: jsonOk(Session, 'Scheduled'), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const body = c.req.valid('json');
      const region = await getRegion(ctx.db, body.regionId);
      if (!region) throw new AppError('validation.reference', { details: { regionId: body.regionId } });
      if (!organisesIn(actor, region.path)) throw new AppError('auth.forbidden');
      if (new Date(body.endsAt) <= new Date(body.startsAt)) throw new AppError('request.invalid', { zh: '结束时间须晚于开始时间。', en: 'The end must come after the start.' });
      const [row] = await ctx.db
        .insert(receptionDays)
        .values({ ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), createdBy: actor.userId, createdAt: ctx.now() })
        .returning();
      return c.json((await list(eq(receptionDays.id, row.id), 'asc'))[0], 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/reception-days', tags: ['reception days'], summary: 'Sessions, newest first', security: bearerSecurity, responses: { 200: jsonOk(z.object({ items: z.array(Session) })), ...errorResponses } }),
    async (c) => {
      requireUser(c);
      return c.json({ items: await list(undefined, 'desc') }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/reception-days',
      tags: ['public'],
      summary: 'Upcoming sessions and sessions whose report is published',
      responses: { 200: jsonOk(z.object({ items: z.array(Session) })) },
    }),
    async (c) => c.json({ items: await list(or(gte(receptionDays.endsAt, ctx.now()), isNotNull(receptionDays.reportPublishedAt)), 'asc') }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reception-days/{id}/entries',
      tags: ['reception days'],
      summary: 'Record one resident’s demand at the table (idempotency key required: the tablet may resend)',
      security: bearerSecurity,
      request: { params: IdParam, ...jsonBody(EntryBody) },
      responses: { 201: jsonOk(z.object({ id: z.number(), number: z.string(), queryCode: z.string().nullable() }), 'Recorded'), 200: jsonOk(z.object({ id: z.number(), number: z.string(), queryCode: z.string().nullable() }), 'Already recorded'), ...errorResponses },
    }),
    async (c) => {
      const actor = requireUser(c);
      const session = await load(actor, c.req.valid('param').id);
      const result = await recordReceptionEntry(ctx, { actor, receptionDayId: session.id, ...c.req.valid('json') });
      return c.json({ id: result.demand.id, number: result.demand.number, queryCode: result.queryCode }, result.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/reception-days/{id}/report', tags: ['reception days'], summary: 'What was raised, who owns each item, its status', security: bearerSecurity, request: { params: IdParam }, responses: { 200: jsonOk(Report), ...errorResponses } }),
    async (c) => {
      const actor = requireUser(c);
      const session = await load(actor, c.req.valid('param').id);
      return c.json(await receptionReport(ctx.db, session.id, { publicView: false }), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/reception-days/{id}/publish', tags: ['reception days'], summary: 'Publish the report on the portal', security: bearerSecurity, request: { params: IdParam }, responses: { 200: jsonOk(Report), ...errorResponses } }),
    async (c) => {
      const actor = requireUser(c);
      const session = await load(actor, c.req.valid('param').id);
      await ctx.db.update(receptionDays).set({ reportPublishedAt: ctx.now() }).where(eq(receptionDays.id, session.id));
      return c.json(await receptionReport(ctx.db, session.id, { publicView: false }), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/public/reception-days/{id}/report', tags: ['public'], summary: 'A published session report, without names or phones', request: { params: IdParam }, responses: { 200: jsonOk(Report), ...errorResponses } }),
    async (c) => c.json(await receptionReport(ctx.db, c.req.valid('param').id, { publicView: true }), 200),
  );
  return app;
}
