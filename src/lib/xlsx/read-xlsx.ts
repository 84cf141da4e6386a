import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkHeader } from './header.js';
import type { SpreadsheetLimits } from './limits.js';
import { SpreadsheetRefused } from './refusal.js';
import { checkInflatedSizes, zipEntries } from './zip-entries.js';

export type Progress = { rows: number; percent: number };

/** Feeds the file in slices so that how much of it the reader has taken is the progress. */
function slices(file: Buffer, taken: (bytes: number) => void) {
  const size = 256 * 1024;
  let at = 0;
  return new Readable({
    read() {
      if (at >= file.length) return void this.push(null);
      const end = Math.min(file.length, at + size);
      this.push(file.subarray(at, end));
      at = end;
      taken(at);
    },
  });
}

/**
 * The first sheet of an XLSX file as rows keyed by its header row, every cell as trimmed text, read
 * as a stream: the zip's sizes are checked before anything is inflated, and rows, columns and cell
 * length are counted as they come, so a file past a cap stops at the first row that crosses it.
 */
export async function readXlsx(
  file: Buffer,
  limits: SpreadsheetLimits,
  progress: (p: Progress) => void,
): Promise<Record<string, string>[]> {
  await checkInflatedSizes(file, zipEntries(file, limits));
  let taken = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    slices(file, (b) => {
      taken = b;
    }),
    { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' },
  );
  const header: string[] = [];
  const rows: Record<string, string>[] = [];
  let lastReport = 0;
  // Counted here, not taken from the file: a row may leave out its number.
  let number = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        number++;
        if (number > limits.maxRows + 1) throw new SpreadsheetRefused({ kind: 'rows' });
        if (row.cellCount > limits.maxColumns) throw new SpreadsheetRefused({ kind: 'columns' });
        const cells: string[] = [];
        row.eachCell((cell, col) => {
          const text = cell.text;
          if (text.length > limits.maxCellChars) throw new SpreadsheetRefused({ kind: 'cell', row: number });
          cells[col - 1] = text.trim();
        });
        if (number === 1) {
          header.push(...Array.from(cells, (c) => c ?? ''));
          checkHeader(header);
        } else if (cells.some((c) => c)) rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
        if (rows.length - lastReport >= 2_000) {
          lastReport = rows.length;
          progress({ rows: rows.length, percent: Math.min(99, Math.floor((taken / file.length) * 100)) });
        }
      }
      // The first sheet only; the rest of the file is not read.
      break;
    }
  } catch (e) {
    if (e instanceof SpreadsheetRefused) throw e;
    throw new SpreadsheetRefused({ kind: 'unreadable' });
  }
  if (!header.length) throw new SpreadsheetRefused({ kind: 'unreadable' });
  progress({ rows: rows.length, percent: 100 });
  return rows;
}
