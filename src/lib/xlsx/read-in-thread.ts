import { Worker } from 'node:worker_threads';
import type { AppError } from '../errors.js';
import { type SpreadsheetLimits, spreadsheetLimits } from './limits.js';
import type { Progress } from './read-xlsx.js';
import { type Refusal, refusalError } from './refusal.js';
import { zipEntries } from './zip-entries.js';

type Message = ({ type: 'progress' } & Progress) | { type: 'rows'; rows: Record<string, string>[] } | { type: 'refused'; refusal: Refusal };

let running = 0;
const waiting: (() => void)[] = [];

async function turn(limits: SpreadsheetLimits): Promise<() => void> {
  if (running >= limits.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * Reads an XLSX file on a thread of its own, with a heap ceiling and a time limit, so the thread
 * that answers requests (and /healthz) never parses: a file past the ceiling stops its thread, not
 * the server. One file at a time per process by default; the next waits its turn.
 */
export async function readXlsxInThread(
  file: Buffer,
  progress: (p: Progress) => void = () => {},
  limits: SpreadsheetLimits = spreadsheetLimits,
): Promise<Record<string, string>[]> {
  // The declared sizes are checked here, at once: a file that says it is a bomb never starts a thread.
  zipEntries(file, limits);
  const done = await turn(limits);
  try {
    return await new Promise((resolve, reject) => {
      const fail = (r: Refusal): void => reject(refusalError(r, limits) satisfies AppError);
      const worker = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
        workerData: { file: new Uint8Array(file), limits },
        resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 },
        stdout: false,
        stderr: false,
      });
      let answered = false;
      const timer = setTimeout(() => {
        answered = true;
        fail({ kind: 'time' });
        void worker.terminate();
      }, limits.maxSeconds * 1000);
      worker.on('message', (m: Message) => {
        if (answered) return;
        if (m.type === 'progress') return progress({ rows: m.rows, percent: m.percent });
        answered = true;
        clearTimeout(timer);
        if (m.type === 'rows') resolve(m.rows);
        else fail(m.refusal);
        void worker.terminate();
      });
      worker.on('error', (e: NodeJS.ErrnoException) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        fail({ kind: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'unreadable' });
      });
      worker.on('exit', () => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        fail({ kind: 'unreadable' });
      });
    });
  } finally {
    done();
  }
}
