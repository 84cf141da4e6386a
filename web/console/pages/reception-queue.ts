import { client, type Init } from '../../shared/client';
import { offlineQueue, type Queued } from '../offline-queue';

type Entry = Init<'/reception-days/{id}/entries', 'post'>['body'];

/** Entries typed at the reception table, kept on the tablet until the server has them; the key makes a resend harmless. */
type Item = { receptionDayId: number; body: Omit<Entry, 'idempotencyKey'> };

export const receptionQueue = offlineQueue<Item>(
  'tj.reception.outbox',
  async ({ receptionDayId, body }, key) =>
    (await client.POST('/reception-days/{id}/entries', { path: { id: receptionDayId }, body: { ...body, idempotencyKey: key } })).number,
  // Before the one queue, an entry kept its day and body at the top level and its answer as `number`.
  (old) => ({
    key: String(old.key),
    item: { receptionDayId: Number(old.receptionDayId), body: old.body as Item['body'] },
    status: old.status as Queued<Item>['status'],
    answer: old.number as string | undefined,
    error: old.error as string | undefined,
  }),
);

export const newEntryKey = (receptionDayId: number) => `rd-${receptionDayId}-${crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`}`;
