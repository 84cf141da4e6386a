import { sql } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { SqlClient } from '../db/client.js';
import { ActorCache } from '../http/actor-cache.js';
import { rejectControlCharacters } from '../http/control-characters.js';
import { drainUnreadBody } from '../http/drain-body.js';
import { errorBody, toResponse } from '../http/errors.js';
import { loginLimits, residentLimits } from '../http/limiters.js';
import { rateLimit } from '../http/rate-limit.js';
import { newRouter } from '../http/router.js';
import { type AppContext, type JobQueue, onCacheNotice } from '../kernel/index.js';
import { AppError } from '../lib/errors.js';
import { accountRoutes } from '../modules/accounts/index.js';
import { appointmentRoutes } from '../modules/appointments/index.js';
import { assessmentRoutes } from '../modules/assessments/index.js';
import { auditRoutes } from '../modules/audit/index.js';
import { calendarRoutes, invalidateDeadlineInputs } from '../modules/calendar/index.js';
import { categoryRoutes } from '../modules/categories/index.js';
import { councilRoutes } from '../modules/councils/index.js';
import { dashboardRoutes } from '../modules/dashboard/index.js';
import { attachmentRoutes, demandRoutes, publicDemandRoutes } from '../modules/demands/index.js';
import { gazetteerRoutes, invalidatePlacer } from '../modules/gazetteer/index.js';
import { importRoutes } from '../modules/imports/index.js';
import { initiativeRoutes } from '../modules/initiatives/index.js';
import { interopRoutes } from '../modules/interop/index.js';
import { knowledgeRoutes } from '../modules/knowledge/index.js';
import { moderationRoutes } from '../modules/moderation/index.js';
import { notificationRoutes, unlockRoutes } from '../modules/notifications/index.js';
import { open311KeyRoutes, open311Routes } from '../modules/open311/index.js';
import { proposalRoutes } from '../modules/proposals/index.js';
import { rateRoutes } from '../modules/rates/index.js';
import { receptionRoutes } from '../modules/receptions/index.js';
import { invalidateReferenceCache, regionRoutes } from '../modules/regions/index.js';
import { getSetting, settingsRoutes } from '../modules/settings/index.js';
import { telephonyRoutes } from '../modules/telephony/index.js';
import { autoDispatchWith, retrainCron, retrainJob, Suggester, textRoutes } from '../modules/text/index.js';
import { trainingRoutes } from '../modules/trainings/index.js';
import { authenticate } from './auth.js';
import { createMetrics } from './metrics.js';
import { mountWeb } from './static.js';

export type AppOptions = {
  /** Overrides the stored public submission limit (per address per minute; 0 = off), e.g. for load tests. */
  publicRateLimit?: number;
  /** Overrides the stored public read limit (page loads per address per minute; 0 = off). Unset, it is off when `publicRateLimit` is 0. */
  publicReadRateLimit?: number;
  secureCookies?: boolean | 'auto';
  /** The database for shared counters (sign-in throttling); without it they are kept in memory. */
  sqlClient?: SqlClient;
  /** When set, /metrics answers only to `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** The secret the SMS provider signs inbound texts with. */
  smsSecret?: string;
  /** Open311 posts allowed per API key per minute (default 60). */
  open311PerKeyPerMinute?: number;
  /** The secret the city's 12345 signs work orders with. */
  citySecret?: string;
  /** A demo that sends texts only to the log: admins may read them at /demo/sms. */
  demoSmsInbox?: boolean;
  /** The secret the hotline's PBX/CTI server signs incoming calls with. */
  pbxSecret?: string;
  /** Read the stored suggestion model before taking requests (or start the first training in the background), so the first suggestion after a restart does not wait. */
  warmSuggestions?: boolean;
  /** The job queue shared with the other processes (the server's; tests may leave it out). */
  jobs?: JobQueue;
  /** How long a request waits for an installation's very first suggestion model before answering without one (default 0.8 s: a first call stays under a second). */
  suggestionWaitMs?: number;
};

export async function createApp(base: AppContext, opts: AppOptions = {}) {
  const app = newRouter();
  const metrics = createMetrics(base.db, opts.sqlClient);
  // Every action performed through this server is counted by outcome. The event dispatcher may
  // start after the app (it needs the app's suggester): intake nudges it through the base context.
  const ctx: AppContext = { ...base, observe: metrics.observeAction, wakeEvents: () => base.wakeEvents?.() };

  let publicLimit = opts.publicRateLimit ?? (await getSetting(ctx.db, 'public.rateLimitPerMinute'));
  // Public limits turned off (test worlds, load tests) are off for reads too, unless reads are set apart.
  const readOverride = opts.publicReadRateLimit ?? (opts.publicRateLimit === 0 ? 0 : undefined);
  let publicReadLimit = readOverride ?? (await getSetting(ctx.db, 'public.readRateLimitPerMinute'));
  const reloadSettings = async () => {
    if (opts.publicRateLimit === undefined) publicLimit = await getSetting(ctx.db, 'public.rateLimitPerMinute');
    if (readOverride === undefined) publicReadLimit = await getSetting(ctx.db, 'public.readRateLimitPerMinute');
  };

  app.onError((err, c) => toResponse(err, c, ctx.log));
  // Every answer carries X-Request-Id (the caller's own if it sent one), and so do error bodies and error log lines.
  app.use('*', requestId());
  app.use('*', metrics.middleware);
  app.notFound((c) => c.json(errorBody(new AppError('not_found', { details: { path: c.req.path } }), c.get('locale') ?? 'zh-CN'), 404));
  // No inline script anywhere: the web apps load only their own bundles. Ant Design writes its styles at run time, hence inline styles.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  // Before the size limit, so that a body it refuses (or a handler refuses unread) is drained after the answer.
  app.use('/api/*', drainUnreadBody());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 6 * 1024 * 1024,
      onError: (c) => {
        // A body that said its length is drained after the answer (drainUnreadBody) and the connection
        // kept; one sent in chunks has been read part-way by the limit itself, so that connection closes.
        if (!c.req.header('content-length')) c.header('Connection', 'close');
        throw new AppError('request.too_large', { details: { maxBytes: 6 * 1024 * 1024 } });
      },
    }),
  );
  // JSON, CSV and XML answers over 1 KB go out gzipped: a hotline desk's slow line waits on lists, not on the server.
  app.use('/api/*', compress());
  app.use('/api/*', rejectControlCharacters());
  const actors = new ActorCache();
  // What another process changed reaches this one's caches as a notice (see listenForCacheNotices).
  onCacheNotice(ctx.db, 'callers', () => actors.clear());
  onCacheNotice(ctx.db, 'references', () => invalidateReferenceCache(ctx.db));
  onCacheNotice(ctx.db, 'references', () => invalidatePlacer(ctx.db));
  onCacheNotice(ctx.db, 'deadlines', () => invalidateDeadlineInputs(ctx.db));
  const residents = residentLimits(opts.sqlClient);
  // Every public page load counts against one loose limit per address; each group's submissions against its own strict one.
  app.use(
    '/api/v1/public/*',
    rateLimit(() => publicReadLimit, { name: 'reads', client: opts.sqlClient, counts: 'reads' }),
  );
  app.use('/api/v1/*', authenticate(ctx.db, actors));

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'Session', { type: 'apiKey', in: 'cookie', name: 'tj_session' });

  // One suggester per server: its model serves suggestions and automatic dispatch alike.
  const suggester = new Suggester(ctx.db, ctx.log, { firstModelWaitMs: opts.suggestionWaitMs ?? 800, scheduled: Boolean(opts.jobs) });
  // Hourly, never at start: a restart after growth must not train for minutes (retrain-policy.ts).
  if (opts.jobs) await opts.jobs.every(retrainJob, retrainCron, () => suggester.retrainNow(ctx.now()), { atStart: false });
  if (opts.warmSuggestions) await suggester.warmUp();
  autoDispatchWith(ctx.db, suggester);
  const logins = loginLimits(opts.sqlClient);
  const v1 = newRouter();
  v1.route('/', accountRoutes(ctx, { secureCookies: opts.secureCookies ?? 'auto', actors, limits: logins }));
  v1.route('/', unlockRoutes(ctx, { limits: logins, residents, limitPerMinute: () => publicLimit }));
  v1.route('/', regionRoutes(ctx));
  v1.route('/', gazetteerRoutes(ctx));
  v1.route('/', categoryRoutes(ctx));
  v1.route('/', calendarRoutes(ctx));
  v1.route('/', knowledgeRoutes(ctx));
  v1.route('/', settingsRoutes(ctx, reloadSettings));
  v1.route('/', rateRoutes(ctx));
  v1.route('/', dashboardRoutes(ctx));
  v1.route(
    '/',
    publicDemandRoutes(ctx, () => publicLimit, residents),
  );
  v1.route('/', demandRoutes(ctx));
  v1.route(
    '/',
    attachmentRoutes(ctx, () => publicLimit, residents),
  );
  v1.route('/', textRoutes(ctx, suggester));
  v1.route('/', initiativeRoutes(ctx));
  v1.route('/', receptionRoutes(ctx));
  v1.route(
    '/',
    councilRoutes(ctx, () => publicLimit, residents),
  );
  v1.route(
    '/',
    proposalRoutes(ctx, () => publicLimit, residents),
  );
  v1.route('/', auditRoutes(ctx));
  v1.route('/', open311KeyRoutes(ctx));
  v1.route('/', importRoutes(ctx));
  v1.route('/', interopRoutes(ctx, { citySecret: opts.citySecret }));
  v1.route('/', notificationRoutes(ctx, { smsSecret: opts.smsSecret, demoSmsInbox: opts.demoSmsInbox }));
  v1.route('/', telephonyRoutes(ctx, { pbxSecret: opts.pbxSecret }));
  v1.route('/', moderationRoutes(ctx));
  v1.route('/', assessmentRoutes(ctx));
  v1.route('/', appointmentRoutes(ctx));
  v1.route(
    '/',
    trainingRoutes(ctx, () => publicLimit, residents),
  );
  app.route('/api/v1', v1);
  app.route(
    '/open311/v2',
    open311Routes(ctx, {
      sqlClient: opts.sqlClient,
      perKeyPerMinute: opts.open311PerKeyPerMinute,
      readsPerMinute: () => publicReadLimit,
    }),
  );

  // Liveness says the process answers; readiness (and the older /api/health) that the database does too.
  const ready = async () => {
    try {
      await ctx.db.execute(sql`select 1`);
      return true;
    } catch {
      return false;
    }
  };
  app.get('/healthz', (c) => c.json({ ok: true }));
  // Prometheus text format. Behind a token when TINGJIAN_METRICS_TOKEN is set; nothing personal is in it either way.
  app.get('/metrics', async (c) => {
    if (opts.metricsToken && c.req.header('authorization') !== `Bearer ${opts.metricsToken}`) {
      return c.json(errorBody(new AppError('auth.required'), c.get('locale') ?? 'zh-CN'), 401);
    }
    return c.body(await metrics.register.metrics(), 200, { 'content-type': metrics.register.contentType });
  });
  for (const path of ['/readyz', '/api/health']) {
    app.get(path, async (c) =>
      (await ready()) ? c.json({ ok: true, database: 'ok' }) : c.json({ ok: false, database: 'unreachable' }, 503),
    );
  }
  mountWeb(app);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tingjian 听见 API',
      version: '1',
      description: 'Residents\u2019 demands (诉求) from intake to closure. Errors: { error: { code, message, details } }.',
    },
  });
  return app;
}
