import ExcelJS from 'exceljs';
import { parseCsvObjects } from '../../lib/csv.js';
import { AppError } from '../../lib/errors.js';

const unreadable = () =>
  new AppError('request.invalid', {
    zh: '无法读取该 XLSX 文件，请另存为 .xlsx 后重试。',
    en: 'The XLSX file cannot be read; save it as .xlsx and retry.',
  });

/** Rows of a CSV text or of the first sheet of an XLSX file (base64), keyed by the header row, every cell as text. */
export async function readTable(format: 'csv' | 'xlsx', data: string): Promise<Record<string, string>[]> {
  if (format === 'csv') return parseCsvObjects(data).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.trim()])));
  const book = new ExcelJS.Workbook();
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

export { writeWorkbook } from '../../lib/spreadsheet.js';
