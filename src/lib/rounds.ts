import type { Logger } from 'pino';
import { loggable } from './loggable.js';

/**
 * Work done in rounds: now, when woken (after a commit that left work), and every few seconds (for what another
 * process wrote or a crash left). One round at a time; a wake during a round, or a round that filled its batch,
 * runs another at once. Returns the wake and the stopper, which waits for the round in progress.
 */
export function runInRounds(
  work: () => Promise<boolean>,
  opts: { intervalMs?: number; log: Logger; failure: string },
): { wake: () => void; stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          if (await work()) again = true;
        } while (again && !stopped);
      } catch (err) {
        opts.log.error({ err: loggable(err) }, opts.failure);
      }
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(wake, opts.intervalMs ?? 2_000);
  timer.unref();
  wake();
  return {
    wake,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
