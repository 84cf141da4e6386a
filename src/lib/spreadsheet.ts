import ExcelJS from 'exceljs';

/** A workbook of one or more sheets with Chinese headers; text cells that a spreadsheet would run as formulas are neutralised. */
export async function writeWorkbook(sheets: { name: string; header: string[]; rows: (string | number | null)[][] }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '听见 Tingjian';
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
    sheet.columns.forEach((c, i) => {
      c.width = Math.min(40, Math.max(8, ...[s.header[i], ...s.rows.map((r) => r[i])].map((v) => String(v ?? '').length * 2)));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
