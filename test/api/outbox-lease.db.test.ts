// A delivery process killed mid-send: its messages are taken up by another half a minute later (not
// minutes), and the message it had already handed to the provider is not delivered twice, because
// every attempt carries the same key and the provider drops the repeat.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/kernel/index.js';
import { type DeliveryOptions, deliverDue, httpGateway, leaseMs } from '../../src/modules/notifications/index.js';
import { setUpWorld, type TestClock } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startFakeSmsProvider } from '../fakes/sms-provider.js';
import { buildDemand, type World } from '../world.js';

const secret = 'provider-shared-secret';
let database: TestDatabase;
let world: World;
let t: TestClock;
let provider: Awaited<ReturnType<typeof startFakeSmsProvider>>;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2026-11-23T10:00:00+08:00')));
  provider = await startFakeSmsProvider(secret);
});
afterAll(async () => {
  await provider?.close();
  await database?.drop();
});

describe('an outbox delivery cut off mid-send', () => {
  it('is taken up after the short lease and reaches the handset once', async () => {
    await database.db.delete(outboxMessages);
    for (let i = 0; i < 3; i++) await enqueue(`1390000${4000 + i}`);
    const gateway = httpGateway({ url: provider.url, secret });
    // The first process hands its first message to the provider, then dies before recording it.
    const dying: DeliveryOptions = {
      perHourLimit: 100,
      sms: {
        name: 'dies',
        // Handed over, then never heard of again: the process is gone before it records the send.
        async send(m) {
          await gateway.send(m);
          return new Promise<never>(() => {});
        },
      },
    };
    void deliverDue(t.ctx, dying);
    await expect.poll(() => provider.delivered.length).toBe(1);
    const healthy: DeliveryOptions = { perHourLimit: 100, sms: gateway };
    // Still leased just before the lease runs out: nobody sends it again yet.
    t.advanceHours((leaseMs - 1_000) / 3_600_000);
    const early = await deliverDue(t.ctx, healthy);
    expect(early.sent).toBe(0);
    t.advanceHours(2_000 / 3_600_000);
    expect((await deliverDue(t.ctx, healthy)).sent).toBe(3);
    const rows = await database.db.select().from(outboxMessages).where(eq(outboxMessages.channel, 'sms'));
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    // Four sends reached the provider, three handsets got one text each: the repeat was dropped by its key.
    expect(provider.received.filter((r) => r.status === 200)).toHaveLength(4);
    expect(provider.received.filter((r) => r.duplicate)).toHaveLength(1);
    expect(provider.delivered.map((r) => r.body.to).sort()).toEqual(['13900004000', '13900004001', '13900004002']);
    const keys = provider.received.map((r) => r.body.clientRef as string);
    expect(keys[0]).toBe(keys.find((k, i) => i > 0 && k === keys[0]));
    expect(provider.received[0].headers['idempotency-key']).toBe(keys[0]);
  });
});

async function enqueue(phone: string) {
  await buildDemand(t.ctx, world, { reporterPhone: phone, content: '路灯不亮' });
}
