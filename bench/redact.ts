// npm run bench:redact — the public redaction on long fields built to be the worst case of each of its rules (a long
// run, a separator between every digit, dashes, numerals, names): a pattern that backtracked would take seconds.
// Prints the milliseconds per field (median of 5) and writes bench/results/redact.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { redact } from '../src/lib/redact.js';

const length = Number(process.env.BENCH_LENGTH ?? 5000);
const fill = (unit: string) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const units = ['1', 'a1b2', '1 ', '1-3-', '138 0013 ', '一三八', '3栋2单元', '3-2-', '邻居王', '①', '𝟏', '2026-12-07 13:30 ', '  '];
const rows = units.map((unit) => {
  const field = fill(unit);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    redact(field);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = +times[2].toFixed(2);
  console.log(`${JSON.stringify(unit).padEnd(22)} ${ms} ms`);
  return { unit, ms };
});
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/redact.json', `${JSON.stringify({ at: new Date().toISOString(), length, rows }, null, 2)}\n`);
