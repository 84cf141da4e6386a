// 演示短信箱: in a demo whose texts go only to the log, admins read what residents would have received,
// codes included; with a real provider configured the endpoint does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let demo: TestApi;
let real: TestApi;

beforeAll(async () => {
  const set = await setUpWorld();
  ({ database, world } = set);
  demo = await startTestServer(set.t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient, demoSmsInbox: true });
  real = await startTestServer(set.t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient, smsSecret: 'provider-secret' });
});
afterAll(async () => {
  await real?.close();
  await tearDownApiWorld({ database, api: demo });
});

describe('the demo SMS inbox', () => {
  it('shows an admin the receipt a resident would have got, query code included', async () => {
    const r = await demo.call('POST', '/api/v1/public/demands', {
      body: { content: '路口红绿灯不亮', reporterName: '孙先生', reporterPhone: '13900008888', regionId: world.c1.id, type: 'complaint' },
    });
    expect(r.status, r.text).toBe(201);
    const inbox = await demo.call('GET', '/api/v1/demo/sms', { token: world.tokens.admin });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items[0]).toMatchObject({ phone: '13900008888', template: 'receipt' });
    expect(inbox.body.items[0].body).toContain(r.body.queryCode);
    expect((await demo.call('GET', '/api/v1/demo/sms', { token: world.tokens.operator })).status).toBe(403);
  });

  it('does not exist where a real provider is configured', async () => {
    const r = await real.call('GET', '/api/v1/demo/sms', { token: world.tokens.admin });
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('13900008888');
  });
});
