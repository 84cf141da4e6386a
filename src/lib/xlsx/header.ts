import { SpreadsheetRefused } from './refusal.js';

/** A header that names a column twice would let one silently overwrite the other: refused, naming it. */
export function checkHeader(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    if (seen.has(name)) throw new SpreadsheetRefused({ kind: 'duplicateHeader', name });
    seen.add(name);
  }
}
