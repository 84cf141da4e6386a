import type { AppOptions } from '../src/app/app.js';
import { openTestDatabase, type TestDatabase, testContext } from './db.js';
import { startTestServer } from './http.js';
import { buildWorld, type World } from './world.js';

export type TestApi = Awaited<ReturnType<typeof startTestServer>>;

export type TestClock = ReturnType<typeof testContext>;

/**
 * Where a test world's clock starts unless a test says otherwise: a fixed working Wednesday in mid-month, never the
 * day the suite happens to run (tests that need a month's edge set their own).
 */
export const worldStart = new Date('2026-11-18T10:00:00+08:00');

/** A database, the small test district and an action context whose clock starts at `start`. */
export async function setUpWorld(start = worldStart): Promise<{ database: TestDatabase; world: World; t: TestClock }> {
  const database = await openTestDatabase();
  const world = await buildWorld(database.db);
  return { database, world, t: testContext(database, start) };
}

/** A database, the small test district and the API on a real socket: what most API tests start from. */
export async function setUpApiWorld(
  start = worldStart,
  options: AppOptions = {},
): Promise<{ database: TestDatabase; world: World; api: TestApi }> {
  const { database, world, t } = await setUpWorld(start);
  const api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient, ...options });
  return { database, world, api };
}

export async function tearDownApiWorld(env: { database?: TestDatabase; api?: TestApi }): Promise<void> {
  await env.api?.close();
  await env.database?.drop();
}

/** The API world plus Debian's Chromium, for browser tests (the web apps built first if needed). */
export async function setUpBrowserWorld(start = worldStart) {
  const { ensureWebBuilt, launchBrowser } = await import('./e2e/browser.js');
  ensureWebBuilt();
  const { database, world, t } = await setUpWorld(start);
  const api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
  return { database, world, t, server: api, browser: await launchBrowser(t.ctx.now) };
}

export async function tearDownBrowserWorld(env: { database?: TestDatabase; server?: TestApi; browser?: { close(): Promise<void> } }) {
  await env.browser?.close();
  await tearDownApiWorld({ database: env.database, api: env.server });
}
