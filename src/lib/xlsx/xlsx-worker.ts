import { parentPort, workerData } from 'node:worker_threads';
import type { SpreadsheetLimits } from './limits.js';
import { readXlsx } from './read-xlsx.js';
import { SpreadsheetRefused } from './refusal.js';

// The thread's side: reads the file it was given, sends progress as it goes, then the rows or why not.
const { file, limits } = workerData as { file: Uint8Array; limits: SpreadsheetLimits };
try {
  const rows = await readXlsx(Buffer.from(file.buffer, file.byteOffset, file.byteLength), limits, (p) =>
    parentPort!.postMessage({ type: 'progress', ...p }),
  );
  parentPort!.postMessage({ type: 'rows', rows });
} catch (e) {
  parentPort!.postMessage({ type: 'refused', refusal: e instanceof SpreadsheetRefused ? e.refusal : { kind: 'unreadable' } });
}
