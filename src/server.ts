import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app/app.js';
import type { Config } from './config.js';
import { listenForCacheNotices } from './db/cache-notices.js';
import { type Database, openDatabase, runMigrations } from './db/client.js';
import { assertDataDirFree, holdDataDir } from './db/data-dir-lock.js';
import { startJobQueue } from './db/job-queue.js';
import { schedulePartitions } from './db/partitions.js';
import { demoLogins, demoPassword, isEmpty, loadDemo } from './demo/load-demo.js';
import { type AppContext, startEventDispatcher } from './kernel/index.js';
import { createLogger } from './lib/logger.js';
import { scheduleActionItemChase } from './modules/councils/index.js';
import { scheduleCounterCompaction } from './modules/dashboard/index.js';
import { scheduleEscalation } from './modules/demands/index.js';
import { type DeliveryOptions, httpGateway, logGateway, parseQuietHours, startDeliveryWorker } from './modules/notifications/index.js';
import { scheduleRateRollups } from './modules/rates/index.js';
import { listenForCalls } from './modules/telephony/index.js';
import { scheduleRoutingHistoryCompaction, scheduleTopicRefresh } from './modules/text/index.js';

export const sharedDataDir = fileURLToPath(new URL('../../shared/data', import.meta.url));

/**
 * The configured database. The embedded one is refused while a running server holds its directory
 * (a backup, migration or user added beside it would read pages half-written); the server itself
 * passes `serving` and marks the directory as its own.
 */
export async function openConfiguredDatabase(config: Config, serving = false): Promise<Database> {
  if (!config.databaseUrl) {
    if (serving) holdDataDir(config.dataDir, config.port);
    else assertDataDirFree(config.dataDir);
  }
  return openDatabase(
    config.databaseUrl ? { url: config.databaseUrl, poolSize: config.poolSize, jit: config.pgJit } : { dataDir: config.dataDir },
  );
}

/** migrate → (demo data when empty) → serve. Resolves once listening; returns a stopper. */
export async function startServer(config: Config, opts: { demoIfEmpty: boolean }) {
  const log = createLogger();
  const database = await openConfiguredDatabase(config, true);
  await runMigrations(database);
  // The replica is opened as it is: migrations reach it from the primary.
  const replica = config.databaseReadUrl
    ? await openDatabase({ url: config.databaseReadUrl, poolSize: config.poolSize, jit: config.pgJit })
    : null;
  const ctx: AppContext = { db: database.db, readDb: replica?.db, now: () => new Date(), log };
  let loadedDemo = false;
  if (opts.demoIfEmpty && (await isEmpty(database.db))) {
    const t0 = Date.now();
    const { demands } = await loadDemo(ctx, {
      sharedDataDir: existsSync(sharedDataDir) ? sharedDataDir : undefined,
      log: (m) => log.info(m),
    });
    log.info({ demands, ms: Date.now() - t0 }, 'demo district loaded');
    loadedDemo = true;
  }
  // Started before the app so that actions performed through it nudge delivery after commit.
  const stopDelivery = startDeliveryWorker(ctx, deliveryOptions(config, log));
  // Periodic work goes through the job queue, so that with several processes each run happens once.
  const jobs = await startJobQueue(database, log);
  await scheduleEscalation(ctx, jobs);
  await scheduleActionItemChase(ctx, jobs);
  await scheduleTopicRefresh(ctx, jobs);
  await scheduleRateRollups(ctx, jobs);
  await scheduleCounterCompaction(ctx, jobs);
  await scheduleRoutingHistoryCompaction(ctx, jobs);
  await schedulePartitions(ctx, jobs);
  const stopListening = await listenForCacheNotices(database);
  // A PBX's call reaches the operators connected to any process, not only the one it posted to.
  const stopCalls = await listenForCalls(database, log);
  const app = await createApp(ctx, {
    publicRateLimit: config.publicRateLimit,
    secureCookies: config.secureCookies,
    sqlClient: database.sqlClient,
    metricsToken: config.metricsToken,
    smsSecret: config.sms.secret,
    citySecret: config.city.secret,
    pbxSecret: config.pbxSecret,
    // Only a demo whose texts go nowhere but the log shows them on screen.
    demoSmsInbox: opts.demoIfEmpty && config.sms.gateway === 'log',
    warmSuggestions: true,
    jobs,
  });
  // After the app, whose suggester automatic dispatch uses: events left by a crash are taken up now.
  const stopEvents = startEventDispatcher(ctx);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // An open event stream (the desk's telephony events) never ends by itself: requests under way get five seconds,
    // then every connection is closed, so that a SIGTERM stops the process (a probe saw it hang for good).
    const http = server as unknown as HttpServer;
    const grace = setTimeout(() => http.closeAllConnections(), 5000);
    await closed;
    clearTimeout(grace);
    await stopEvents();
    await stopDelivery();
    await jobs.stop();
    await stopListening();
    await stopCalls();
    await replica?.close();
    await database.close();
  };
  return { url, port, stop, loadedDemo, database, log };
}

function deliveryOptions(config: Config, log: Logger): DeliveryOptions {
  const { sms, city } = config;
  if (sms.gateway === 'http' && (!sms.url || !sms.secret))
    throw new Error('TINGJIAN_SMS_GATEWAY=http needs TINGJIAN_SMS_URL and TINGJIAN_SMS_SECRET');
  return {
    sms: sms.gateway === 'http' ? httpGateway({ url: sms.url!, secret: sms.secret!, templateIds: sms.templateIds }) : logGateway(log),
    webhooks: city.url && city.secret ? { city12345: { url: city.url, secret: city.secret } } : {},
    quiet: parseQuietHours(sms.quietHours),
    perHourLimit: sms.perHour,
  };
}

/**
 * What a person who just started the server needs: where it runs and how to sign in. Demo logins only where the demo
 * was asked for; an installation with no accounts yet is told how to make its first administrator.
 */
export function printWelcome(url: string, kind: string, where: string, accounts: { demo: boolean; none: boolean }) {
  const lines = [
    '',
    `  听见 Tingjian is running on ${url}`,
    `  database: ${kind} (${where})`,
    `  API: ${url}/api/v1   OpenAPI: ${url}/api/openapi.json`,
    '',
    ...(accounts.demo
      ? [`  Demo logins (password: ${demoPassword})`, ...demoLogins.map((l) => `    ${l.username.padEnd(20)} ${l.role}`)]
      : accounts.none
        ? [
            '  No accounts yet. Stop the server and make the first administrator (docs/operations.md, section 1):',
            '    npx tingjian user add --username admin --name 管理员 --password … --role admin',
          ]
        : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
