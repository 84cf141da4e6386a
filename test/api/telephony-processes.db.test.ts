// A call rings in every app process: two processes on one database (on the server, each with its
// own pool and LISTEN connection; on the embedded database, one handle), the PBX posts to one, and
// operators connected to either console see the call — once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { quietLogger } from '../../src/lib/logger.js';
import { listenForCalls } from '../../src/modules/telephony/index.js';
import { setUpWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { fakePbx } from '../fakes/pbx.js';
import { startTestServer } from '../http.js';
import { listenToCalls } from '../sse.js';
import type { World } from '../world.js';

const secret = 'pbx-two-processes';
let database: TestDatabase;
let second: Database;
let world: World;
let one: TestApi;
let two: TestApi;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  let t: Awaited<ReturnType<typeof setUpWorld>>['t'];
  ({ database, world, t } = await setUpWorld(worldStart));
  second = database.url ? await openDatabase({ url: database.url, poolSize: 4 }) : database;
  // Each process listens as the server starts it (src/server.ts).
  stops.push(await listenForCalls(database));
  if (second !== database) stops.push(await listenForCalls(second));
  one = await startTestServer(t.ctx, { publicRateLimit: 0, pbxSecret: secret });
  two = await startTestServer({ db: second.db, now: t.ctx.now, log: quietLogger() }, { publicRateLimit: 0, pbxSecret: secret });
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await two?.close();
  if (second && second !== database) await second.close();
  await tearDownApiWorld({ database, api: one });
});

describe('calls reach every process', () => {
  it('rings the call the PBX posted to one process on consoles connected to either, once each', async () => {
    const onOne = await listenToCalls(one.base, world.tokens.operator);
    const onTwo = await listenToCalls(two.base, world.tokens.operator);
    expect([onOne.status, onTwo.status]).toEqual([200, 200]);
    const pbx = fakePbx(one.base, secret);

    const refused = await pbx.ring({ callId: 'x-unsigned', from: '13900007777' }, 'not-the-secret');
    expect(refused.status).toBe(401);
    const first = await pbx.ring({ callId: 'x-call-1', from: '13900007777', line: '12345-3' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const want = { event: 'call', data: { callId: 'x-call-1', phone: '13900007777', line: '12345-3' } };
    expect(await onTwo.next(10_000)).toMatchObject(want);
    expect(await onOne.next(10_000)).toMatchObject(want);

    // The PBX repeats itself, then the next call comes to the other process: each console's next
    // event is that call — the first rang once, the repeat not at all, the refused one never.
    expect((await pbx.ring({ callId: 'x-call-1', from: '13900007777' })).body.created).toBe(false);
    const other = await fakePbx(two.base, secret).ring({ callId: 'x-call-2', from: '13900008888' });
    expect(other.status).toBe(200);
    expect(await onOne.next(10_000)).toMatchObject({ data: { callId: 'x-call-2' } });
    expect(await onTwo.next(10_000)).toMatchObject({ data: { callId: 'x-call-2' } });
    await onOne.close();
    await onTwo.close();
  });
});
