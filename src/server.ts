import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Config } from './config.js';
import { type Database, openDatabase, runMigrations } from './db/client.js';
import { demoLogins, demoPassword, isEmpty, loadDemo } from './demo/load-demo.js';
import { createApp } from './http/app.js';
import type { AppContext } from './kernel/index.js';
import { createLogger } from './lib/logger.js';

export const sharedDataDir = fileURLToPath(new URL('../../shared/data', import.meta.url));

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl, poolSize: config.poolSize } : { dataDir: config.dataDir });
}

/** migrate → (demo data when empty) → serve. Resolves once listening; returns a stopper. */
export async function startServer(config: Config, opts: { demoIfEmpty: boolean }) {
  const log = createLogger();
  const database = await openConfiguredDatabase(config);
  await runMigrations(database);
  const ctx: AppContext = { db: database.db, now: () => new Date(), log };
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
  const app = await createApp(ctx, {
    publicRateLimit: config.publicRateLimit,
    secureCookies: config.secureCookies,
    sqlClient: database.sqlClient,
    metricsToken: config.metricsToken,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  };
  return { url, port, stop, loadedDemo, database, log };
}

export function printWelcome(url: string, kind: string, where: string) {
  const lines = [
    '',
    `  听见 Tingjian is running on ${url}`,
    `  database: ${kind} (${where})`,
    `  API: ${url}/api/v1   OpenAPI: ${url}/api/openapi.json`,
    '',
    `  Demo logins (password: ${demoPassword})`,
    ...demoLogins.map((l) => `    ${l.username.padEnd(20)} ${l.role}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
