// Every process keeps callers, trees and deadline rules in memory for a few seconds. A change in one
// process reaches the others' caches at once, as a PostgreSQL notice (LISTEN/NOTIFY), not after 5 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenForCacheNotices } from '../../src/db/cache-notices.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { onCacheNotice } from '../../src/kernel/index.js';
import { quietLogger } from '../../src/lib/logger.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(async () => {
  for (const stop of stops) await stop();
  await tearDownApiWorld({ database, api });
});

/** The next notice of that name for this database handle. */
const nextNotice = (db: object, cache: 'callers') => new Promise<void>((resolve) => onCacheNotice(db, cache, resolve));

describe('cache notices between processes', () => {
  it('a disabled account stops at once on another process that had it cached', async () => {
    // A second "process": its own pool, its own caches, its own listener — on the same database.
    const second: Database = database.url ? await openDatabase({ url: database.url, poolSize: 2 }) : database;
    if (second !== database) stops.push(() => second.close());
    const other = database.url
      ? await startTestServer({ db: second.db, now: () => worldStart, log: quietLogger() }, { publicRateLimit: 0 })
      : api;
    if (other !== api) stops.push(() => other.close());
    stops.unshift(await listenForCacheNotices(second));

    const me = (server: TestApi) => server.call('GET', '/api/v1/auth/me', { token: world.tokens.handlerB });
    expect((await me(other)).status).toBe(200); // now remembered there for 5 s
    const heard = nextNotice(second.db, 'callers');
    const disabled = await api.call('POST', `/api/v1/users/${world.actors.handlerB.userId}/disable`, { token: world.tokens.admin });
    expect(disabled.status, disabled.text).toBeLessThan(300);
    await heard;
    expect((await me(other)).status).toBe(401);
  });
});
