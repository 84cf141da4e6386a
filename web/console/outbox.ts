import { ApiError, api } from '../shared/api';

/** An entry typed at the reception table, kept on the tablet until the server has it. */
export type QueuedEntry = {
  key: string;
  receptionDayId: number;
  body: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed';
  number?: string;
  error?: string;
};

const storageKey = 'tj.reception.outbox';

export function readOutbox(): QueuedEntry[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? '[]') as QueuedEntry[];
  } catch {
    return [];
  }
}

function writeOutbox(entries: QueuedEntry[]) {
  localStorage.setItem(storageKey, JSON.stringify(entries));
}

export function enqueue(receptionDayId: number, body: Record<string, unknown>): QueuedEntry {
  const key = `rd-${receptionDayId}-${crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`}`;
  const entry: QueuedEntry = { key, receptionDayId, body: { ...body, idempotencyKey: key }, status: 'pending' };
  writeOutbox([...readOutbox(), entry]);
  return entry;
}

let flushing: Promise<void> | null = null;

/**
 * Sends pending entries one by one. A network failure stops the round and leaves the rest
 * queued (nothing lost); the idempotency key makes a resend after a lost answer harmless
 * (nothing doubled). A refusal by the server marks the entry failed, with the reason to fix it.
 */
export function flushOutbox(onChange: () => void): Promise<void> {
  flushing ??= (async () => {
    for (const entry of readOutbox().filter((e) => e.status === 'pending')) {
      try {
        const res = await api<{ number: string }>('POST', `/reception-days/${entry.receptionDayId}/entries`, entry.body);
        update(entry.key, { status: 'sent', number: res.number, error: undefined });
      } catch (e) {
        if (e instanceof ApiError && e.code !== 'network' && e.status >= 400 && e.status < 500)
          update(entry.key, { status: 'failed', error: e.message });
        else break; // offline or server away: try again later
      }
      onChange();
    }
  })().finally(() => {
    flushing = null;
    onChange();
  });
  return flushing;
}

function update(key: string, patch: Partial<QueuedEntry>) {
  writeOutbox(readOutbox().map((e) => (e.key === key ? { ...e, ...patch } : e)));
}

export function forget(receptionDayId: number) {
  writeOutbox(readOutbox().filter((e) => e.receptionDayId !== receptionDayId || e.status !== 'sent'));
}
