import type ExcelJSModule from 'exceljs';
import { neutralised, parseCsv } from './csv.js';
import { decodeText } from './text-encoding.js';
import { checkHeader } from './xlsx/header.js';
import { type SpreadsheetLimits, spreadsheetLimits } from './xlsx/limits.js';
import { readXlsxInThread } from './xlsx/read-in-thread.js';
import type { Progress } from './xlsx/read-xlsx.js';
import { refusalError, SpreadsheetRefused } from './xlsx/refusal.js';

// exceljs takes over a second to load and only exports and imports use it: loaded on first use,
// not with the server (or with every test file that builds the app).
let loaded: Promise<typeof ExcelJSModule> | undefined;
const excel = () => (loaded ??= import('exceljs').then((m) => m.default));

/** A workbook of one or more sheets with Chinese headers; text cells that a spreadsheet would run as formulas are neutralised. */
export async function writeWorkbook(sheets: { name: string; header: string[]; rows: (string | number | null)[][] }[]): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  book.creator = '听见 Tingjian';
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r.map((v) => (typeof v === 'string' ? neutralised(v) : v)));
    sheet.columns.forEach((c, i) => {
      c.width = Math.min(40, Math.max(8, ...[s.header[i], ...s.rows.map((r) => r[i])].map((v) => String(v ?? '').length * 2)));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** CSV bytes as text (UTF-8 or GBK), or refused naming the encodings understood. */
export function decodeCsv(bytes: Buffer): string {
  const text = decodeText(bytes);
  if (text === null) throw new SpreadsheetRefused({ kind: 'encoding' });
  return text;
}

function readCsv(text: string, limits: SpreadsheetLimits): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  if (rows.length > limits.maxRows) throw new SpreadsheetRefused({ kind: 'rows' });
  if (header.length > limits.maxColumns) throw new SpreadsheetRefused({ kind: 'columns' });
  const names = header.map((h) => h.trim());
  checkHeader(names);
  return rows.map((r, i) => {
    if (r.some((cell) => cell.length > limits.maxCellChars)) throw new SpreadsheetRefused({ kind: 'cell', row: i + 2 });
    return Object.fromEntries(names.map((h, j) => [h, (r[j] ?? '').trim()]));
  });
}

/**
 * Rows of a CSV file (bytes in UTF-8 or GBK, or text) or of the first sheet of an XLSX file (bytes,
 * or base64), keyed by the header row, every cell as trimmed text. Caps on rows, columns, cell length
 * and inflated size refuse a file with a 413 naming the cap; an XLSX is read on a thread of its own.
 */
export async function readTable(
  format: 'csv' | 'xlsx',
  data: string | Buffer,
  progress?: (p: Progress) => void,
  limits: SpreadsheetLimits = spreadsheetLimits,
): Promise<Record<string, string>[]> {
  try {
    if (format === 'csv') return readCsv(typeof data === 'string' ? data.replace(/^\uFEFF/, '') : decodeCsv(data), limits);
    return await readXlsxInThread(typeof data === 'string' ? Buffer.from(data, 'base64') : data, progress, limits);
  } catch (e) {
    if (e instanceof SpreadsheetRefused) throw refusalError(e.refusal, limits);
    throw e;
  }
}
