// `npm start` loads the demo district: it must load, and every page a visitor opens must have something on it.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.js';
import { createApiToken } from '../src/modules/accounts/store.js';
import { users } from '../src/modules/accounts/tables.js';
import { localDay } from '../src/modules/calendar/index.js';
import { openTestDatabase, type TestDatabase, testContext } from './db.js';
import { startTestServer } from './http.js';

let database: TestDatabase;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await openTestDatabase();
  const { ctx } = testContext(database, new Date());
  const { demands } = await loadDemo(ctx, {});
  expect(demands).toBeGreaterThan(20);
  api = await startTestServer(ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
}, 120_000);
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

async function signIn(username: string) {
  const [user] = await database.db.select().from(users).where(eq(users.username, username));
  return (await createApiToken(database.db, user.id, 'demo test')).token;
}

describe('the demo district', () => {
  it('tells one story at 宝城社区 and fills every page', async () => {
    const token = await signIn('admin');
    const get = async (path: string) => {
      const r = await api.call('GET', `/api/v1${path}`, { token });
      expect(r.status, `${path}: ${r.text}`).toBe(200);
      return r.body;
    };
    // The lamp complaints of 宝城社区滨河路 are filed at 宝城社区.
    const lamps = await get(`/demands?q=${encodeURIComponent('滨河路')}&pageSize=50`);
    expect(lamps.items.length).toBeGreaterThanOrEqual(5);
    const baocheng = lamps.items.filter((x: { content: string }) => x.content.includes('宝城社区'));
    expect(baocheng.length).toBeGreaterThanOrEqual(5);
    for (const d of baocheng) expect(d.region.name).toBe('宝城社区');
    const community = baocheng[0].region.id;
    expect((await get('/councils')).items.map((c: { name: string }) => c.name)).toContain('宝城社区四方议事会');
    expect((await get('/reception-days')).items.length).toBeGreaterThanOrEqual(2);
    expect(
      (await api.call('GET', `/api/v1/public/proposals?regionId=${community}`)).body.items.map((p: { title: string }) => p.title),
    ).toContain('在滨河步道增设休息座椅');
    const dash = await get('/dashboard');
    expect(dash.places.length).toBeGreaterThan(0);
    expect(dash.open.length).toBeGreaterThan(0);
    // The demo's month is the local (UTC+8) one.
    expect((await get(`/rates?month=${localDay(new Date()).slice(0, 7)}`)).units.length).toBeGreaterThan(0);
  });
});
