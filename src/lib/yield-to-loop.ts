import { setImmediate } from 'node:timers/promises';

/**
 * Lets the process answer other requests between chunks of a long action. On the embedded database a transaction's
 * queries resolve as microtasks, so an import writing for two minutes would otherwise never give the event loop a
 * turn: the uploader's own progress polls, and everyone else, would wait for the whole of it.
 */
export const yieldToLoop = (): Promise<void> => setImmediate();
