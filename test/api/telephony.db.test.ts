// 来电: the hotline's PBX reports a call (signed), it rings on the operators' consoles as a server-sent
// event, and the demand taken on it is linked to the call.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/kernel/index.js';
import { calls } from '../../src/modules/telephony/index.js';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { fakePbx } from '../fakes/pbx.js';
import { startTestServer } from '../http.js';
import { listenToCalls } from '../sse.js';
import type { World } from '../world.js';

const secret = 'pbx-shared-secret';
let database: TestDatabase;
let world: World;
let api: TestApi;
/** The same installation, started without TINGJIAN_PBX_SECRET. */
let unconfigured: TestApi;

beforeAll(async () => {
  let t: TestClock;
  ({ database, world, t } = await setUpWorld());
  api = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient, pbxSecret: secret });
  unconfigured = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
});
afterAll(async () => {
  await unconfigured?.close();
  await tearDownApiWorld({ database, api });
});

const listenAs = (token: string) => listenToCalls(api.base, token);

describe('Incoming calls from the hotline PBX', () => {
  it('refuses a call without the shared secret, and every call when none is configured', async () => {
    const pbx = fakePbx(api.base, secret);
    const bad = await pbx.ring({ from: '13900005555' }, 'wrong-secret');
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('interop.bad_signature');
    expect((await fakePbx(unconfigured.base, secret).ring({ from: '13900005555' })).status).toBe(401);
  });

  it('rings on an operator’s console, not on a handler’s, and links the demand taken on the call', async () => {
    expect((await listenAs(world.tokens.handlerA)).status).toBe(403);
    const console = await listenAs(world.tokens.operator);
    expect(console.status).toBe(200);
    expect(console.contentType).toContain('text/event-stream');

    const pbx = fakePbx(api.base, secret);
    const rang = await pbx.ring({ callId: 'call-1', from: '139-0000-5555', line: '12345-2' });
    expect(rang).toMatchObject({ status: 200, body: { created: true } });
    expect(await console.next()).toMatchObject({ event: 'call', data: { callId: 'call-1', phone: '13900005555', line: '12345-2' } });
    // The PBX reports the same call again: it rings once.
    expect((await pbx.ring({ callId: 'call-1', from: '13900005555' })).body.created).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(console.events).toHaveLength(0);
    await console.close();

    const taken = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '楼道灯坏了', reporterPhone: '13900005555', regionId: world.c1.id, callId: 'call-1' },
    });
    expect(taken.status, taken.text).toBe(201);
    const [call] = await database.db.select().from(calls).where(eq(calls.callId, 'call-1'));
    expect(call).toMatchObject({ demandId: taken.body.id, phone: '13900005555', line: '12345-2' });
    const trail = await database.db.select().from(auditEvents).where(eq(auditEvents.resource, 'call'));
    expect(trail.map((e) => [e.action, e.actorKind])).toEqual([
      ['receive', 'system'],
      ['link', 'user'],
    ]);

    // A call the PBX never reported links nothing, and takes no demand down with it.
    const unknown = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '另一件事', reporterPhone: '13900005555', regionId: world.c1.id, callId: 'no-such-call' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toBeTruthy();
  });
});
