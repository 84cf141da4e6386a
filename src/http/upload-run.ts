import type { Context } from 'hono';
import { endProgress, type RunPhase, reportProgress } from '../lib/run-progress.js';
import { keepCallerKnown } from './caller.js';
import type { HttpEnv } from './env.js';

export type Report = (phase: RunPhase, fraction: number, rows: number) => void;

/**
 * A long upload's run: on the progress board from its first byte, its caller kept known without the database
 * while it runs (so their polls of it answer), and both ended however the run ends.
 */
export async function whileUploading<T>(c: Context<HttpEnv>, key: string, work: (report: Report) => Promise<T>): Promise<T> {
  const report: Report = (phase, fraction, rows) => reportProgress(key, phase, fraction, rows);
  report('reading', 0, 0);
  const release = keepCallerKnown(c);
  try {
    return await work(report);
  } finally {
    endProgress(key);
    release();
  }
}
