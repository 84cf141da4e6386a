/**
 * How far a long upload has got (reading the file, checking its rows, writing them), for the console
 * to poll while the upload's own request is still open. Kept in this process only: it is a view of
 * work under way, lost with the request if the process stops, so it needs no row of its own.
 */
export type RunPhase = 'idle' | 'reading' | 'checking' | 'writing' | 'done';
export type RunProgress = { phase: RunPhase; percent: number; rows: number };

// Where each phase sits in the overall bar: reading the file is most of the wait.
const span: Record<RunPhase, [number, number]> = {
  idle: [0, 0],
  reading: [0, 60],
  checking: [60, 70],
  writing: [70, 100],
  done: [100, 100],
};

const board = new Map<string, RunProgress & { at: number }>();
const stale = 10 * 60_000;

export function reportProgress(key: string, phase: RunPhase, fraction: number, rows: number): void {
  const [from, to] = span[phase];
  const percent = Math.round(from + (to - from) * Math.min(1, Math.max(0, fraction)));
  board.set(key, { phase, percent, rows, at: Date.now() });
  for (const [k, v] of board) if (Date.now() - v.at > stale) board.delete(k);
}

export function readProgress(key: string): RunProgress {
  const p = board.get(key);
  return p ? { phase: p.phase, percent: p.percent, rows: p.rows } : { phase: 'idle', percent: 0, rows: 0 };
}

export function endProgress(key: string): void {
  board.delete(key);
}
