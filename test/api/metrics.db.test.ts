// An operator's Prometheus scrapes /metrics: requests by route pattern, actions by outcome, queue depths from the
// database; request ids tie a reported error to its log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: Awaited<ReturnType<typeof startTestServer>>;
let guarded: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  const setup = await setUpWorld();
  ({ database, world } = setup);
  api = await startTestServer(setup.t.ctx, { publicRateLimit: 0 });
  guarded = await startTestServer(setup.t.ctx, { publicRateLimit: 0, metricsToken: 'scrape-secret' });
});
afterAll(async () => {
  await api?.close();
  await guarded?.close();
  await database?.drop();
});

const value = (text: string, line: RegExp) =>
  Number(
    text
      .split('\n')
      .find((l) => line.test(l))
      ?.split(' ')
      .at(-1),
  );

describe('/metrics', () => {
  it('counts requests by route pattern and actions by outcome, and reads queue depths at scrape time', async () => {
    const op = world.tokens.operator;
    const made = await api.call('POST', '/api/v1/demands', {
      token: op,
      body: { content: '路灯不亮', reporterPhone: '13800000000', regionId: world.c1.id },
    });
    await api.call('GET', `/api/v1/demands/${made.body.id}`, { token: op });
    await api.call('GET', '/api/v1/demands/999999', { token: op });
    const refused = await api.call('POST', `/api/v1/demands/${made.body.id}/reply`, {
      token: world.tokens.handlerA,
      body: { reply: '已处理' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);

    const scraped = await api.call('GET', '/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    const text = scraped.text;
    expect(value(text, /^tingjian_http_requests_total\{method="POST",route="\/api\/v1\/demands",status="201"\}/)).toBe(1);
    expect(value(text, /^tingjian_http_requests_total\{method="GET",route="\/api\/v1\/demands\/:id",status="200"\}/)).toBe(1);
    expect(value(text, /^tingjian_http_requests_total\{method="GET",route="\/api\/v1\/demands\/:id",status="404"\}/)).toBe(1);
    expect(value(text, /^tingjian_actions_total\{action="registerDemand",outcome="committed"\}/)).toBe(1);
    expect(text).toMatch(/^tingjian_demands_open\{state="registered"\} 1$/m);
    expect(text).toMatch(/^tingjian_outbox_backlog \d+$/m);
    expect(text).toMatch(/^tingjian_http_request_duration_seconds_bucket/m);
    expect(text).toMatch(/^tingjian_process_resident_memory_bytes/m);
    // No ids, phones or texts as labels.
    expect(text).not.toMatch(/13800000000|路灯|demands\/\d/);
  });

  it('answers only with the token when one is configured', async () => {
    expect((await guarded.call('GET', '/metrics')).status).toBe(401);
    expect((await guarded.call('GET', '/metrics', { headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(200);
  });

  it('gives every answer a request id, and puts it in error bodies', async () => {
    const ok = await api.call('GET', '/healthz');
    expect(ok.headers.get('x-request-id')).toMatch(/.{8,}/);
    const mine = await api.call('GET', '/api/v1/demands/999999', {
      token: world.tokens.operator,
      headers: { 'x-request-id': 'desk-7-call-42' },
    });
    expect(mine.headers.get('x-request-id')).toBe('desk-7-call-42');
    expect(mine.body.error.requestId).toBe('desk-7-call-42');
  });
});
