// `npm start` loads the demo district: it must load, and every page a visitor opens must have something on it.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.js';
import { createApiToken } from '../src/modules/accounts/store.js';
import { users } from '../src/modules/accounts/tables.js';
import { localDay } from '../src/modules/calendar/index.js';
import { landingQueue, queueParams } from '../web/console/queues.js';
import { openTestDatabase, type TestDatabase, testContext } from './db.js';
import { startTestServer } from './http.js';

const opened = new Date('2026-12-07T09:30:00+08:00');
let database: TestDatabase;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await openTestDatabase();
  // The demo is dated from the day it is installed; any day will do, so the test names one.
  const { ctx } = testContext(database, opened);
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
    expect((await get(`/rates?month=${localDay(opened).slice(0, 7)}`)).units.length).toBeGreaterThan(0);
  });

  it.each(['admin', 'operator', 'dispatcher', 'supervisor', 'handler.changyuan', 'handler.zjw', 'handler.cgj'])(
    '%s lands on a list with work in it',
    async (username) => {
      const token = await signIn(username);
      const me = await api.call('GET', '/api/v1/auth/me', { token });
      const queue = landingQueue(me.body.grants);
      const list = await api.call('GET', `/api/v1/demands?${queueParams(queue)}&pageSize=5`, { token });
      expect(list.status, list.text).toBe(200);
      expect(list.body.items.length, `${username} on ${queue}`).toBeGreaterThan(0);
    },
  );

  it('answers each demand in its own words, and a question by what it asked', async () => {
    const token = await signIn('admin');
    const replies: { title: string; replyText: string }[] = [];
    for (const state of ['replied', 'callback_done', 'closed']) {
      const r = await api.call('GET', `/api/v1/demands?state=${state}&pageSize=100`, { token });
      replies.push(...r.body.items);
    }
    const texts = replies.map((d) => d.replyText).filter(Boolean);
    expect(texts.length).toBeGreaterThan(8);
    // Not one template: almost every answer differs, and no opening is shared by most of them.
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.9);
    const openings = new Map<string, number>();
    for (const t of texts) openings.set(t.slice(0, 6), (openings.get(t.slice(0, 6)) ?? 0) + 1);
    expect(Math.max(...openings.values()) / texts.length).toBeLessThan(0.3);
    const training = replies.find((d) => d.title === '农技培训咨询');
    if (training) expect(training.replyText).toMatch(/培训/);
    for (const d of replies) if (d.title === '农技培训咨询') expect(d.replyText).not.toContain('政务服务中心');
  });

  it('delivers the texts of the past weeks to the log: the outbox shows them sent', async () => {
    const token = await signIn('admin');
    const outbox = await api.call('GET', '/api/v1/outbox?channel=sms&limit=200', { token });
    expect(outbox.status, outbox.text).toBe(200);
    const { sent = 0, pending = 0 } = outbox.body.counts;
    expect(sent).toBeGreaterThan(20);
    // Only what was written in the night before the demo opened may still wait for the morning.
    expect(pending).toBeLessThan(sent / 10);
  });
});
