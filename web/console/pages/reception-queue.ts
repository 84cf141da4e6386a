import { client, type Init } from '../../shared/client';
import { offlineQueue } from '../offline-queue';

type Entry = Init<'/reception-days/{id}/entries', 'post'>['body'];

/** Entries typed at the reception table, kept on the tablet until the server has them; the key makes a resend harmless. */
export const receptionQueue = offlineQueue<{ receptionDayId: number; body: Omit<Entry, 'idempotencyKey'> }>(
  'tj.reception.outbox',
  async ({ receptionDayId, body }, key) =>
    (await client.POST('/reception-days/{id}/entries', { path: { id: receptionDayId }, body: { ...body, idempotencyKey: key } })).number,
);

export const newEntryKey = (receptionDayId: number) => `rd-${receptionDayId}-${crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`}`;
