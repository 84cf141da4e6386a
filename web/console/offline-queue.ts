import { ApiError } from '../shared/api';

/** One piece of work kept on the device: pending until the server has it, then sent (with its answer) or failed. */
export type Queued<T> = { key: string; item: T; status: 'pending' | 'sent' | 'failed'; answer?: string; error?: string };

/**
 * The console's one offline queue, for every page that must not lose what a person typed when the signal drops (the
 * reception table, on-site scoring). Work lives in the browser's storage, so a reload offline loses nothing. A flush
 * sends pending items one by one: a network failure stops the round and keeps the rest; the item's key goes with it,
 * so a resend after a lost answer is harmless; a refusal marks that item failed with the server's reason, to fix.
 * An item added under the key of an earlier one replaces it (the latest score for a subject wins).
 */
export function offlineQueue<T>(
  storageKey: string,
  send: (item: T, key: string) => Promise<string | undefined>,
  /** Reads an entry a former version of the console left on the device, so an update loses nothing queued. */
  upgrade: (stored: Record<string, unknown>) => Queued<T> = (stored) => stored as Queued<T>,
) {
  const read = (): Queued<T>[] => {
    try {
      return (JSON.parse(localStorage.getItem(storageKey) ?? '[]') as Record<string, unknown>[]).map((e) =>
        'item' in e ? (e as Queued<T>) : upgrade(e),
      );
    } catch {
      return [];
    }
  };
  const write = (entries: Queued<T>[]) => localStorage.setItem(storageKey, JSON.stringify(entries));
  const update = (key: string, patch: Partial<Queued<T>>) => write(read().map((e) => (e.key === key ? { ...e, ...patch } : e)));
  let flushing: Promise<Queued<T>[]> | null = null;

  return {
    read,
    add(key: string, item: T): Queued<T> {
      const entry: Queued<T> = { key, item, status: 'pending' };
      write([...read().filter((e) => e.key !== key), entry]);
      return entry;
    },
    /** Sends what is pending; answers the items the server refused in this round. */
    flush(onChange: () => void = () => undefined): Promise<Queued<T>[]> {
      flushing ??= (async () => {
        const refused: Queued<T>[] = [];
        for (const entry of read().filter((e) => e.status === 'pending')) {
          try {
            const answer = await send(entry.item, entry.key);
            // Only what was sent is marked: an item replaced while it travelled stays pending for the next round.
            const now = read().find((e) => e.key === entry.key);
            if (now && JSON.stringify(now.item) === JSON.stringify(entry.item))
              update(entry.key, { status: 'sent', answer, error: undefined });
          } catch (e) {
            if (!(e instanceof ApiError) || e.code === 'network' || e.status < 400 || e.status >= 500) break; // offline or server away
            update(entry.key, { status: 'failed', error: e.message });
            refused.push({ ...entry, status: 'failed', error: e.message });
          }
          onChange();
        }
        return refused;
      })().finally(() => {
        flushing = null;
        onChange();
      });
      return flushing;
    },
  };
}
