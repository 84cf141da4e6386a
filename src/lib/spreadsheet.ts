import type ExcelJSModule from 'exceljs';
import { neutralised, parseCsvObjects } from './csv.js';
import { AppError } from './errors.js';

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

const unreadable = () =>
  new AppError('request.invalid', {
    zh: '无法读取该 XLSX 文件，请另存为 .xlsx 后重试。',
    en: 'The XLSX file cannot be read; save it as .xlsx and retry.',
  });

/** Rows of a CSV text or of the first sheet of an XLSX file (base64), keyed by the header row, every cell as text. */
export async function readTable(format: 'csv' | 'xlsx', data: string): Promise<Record<string, string>[]> {
  if (format === 'csv') return parseCsvObjects(data).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.trim()])));
  const book = new (await excel()).Workbook();
  try {
    await book.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw unreadable();
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    header[col - 1] = cell.text.trim();
  });
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).text.trim()])));
  }
  return rows;
}
