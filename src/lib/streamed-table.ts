import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvCell, neutralised } from './csv.js';

export type Cell = string | number | null;
/** A table's rows a page at a time, as a cursor over the database yields them. */
export type RowPages = AsyncIterable<Cell[][]>;

const encoder = new TextEncoder();

/**
 * CSV for Excel (a BOM, CRLF lines, cells quoted and neutralised as toCsv does), written as the
 * pages come: the server holds one page, not the file, and reads the next when the client has
 * taken the last (the stream pulls).
 */
export function csvStream(header: string[], pages: RowPages): ReadableStream<Uint8Array> {
  const it = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${header.map(csvCell).join(',')}\r\n`));
    },
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('')));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/**
 * One sheet of XLSX through exceljs' streaming writer: each row is committed (written out) as it
 * comes, inline strings rather than a shared table, so memory holds a page and the zip's window.
 * Column widths are taken from the header and the first page, since a streamed column is fixed
 * before its rows.
 */
export function xlsxStream(sheetName: string, header: string[], pages: RowPages): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  book.creator = '听见 Tingjian';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const write = async () => {
    let first = true;
    for await (const page of pages) {
      if (first) {
        sheet.columns = header.map((h, i) => ({
          width: Math.min(40, Math.max(8, ...[h, ...page.map((r) => r[i])].map((v) => String(v ?? '').length * 2))),
        }));
        const head = sheet.addRow(header);
        head.font = { bold: true };
        head.commit();
        first = false;
      }
      for (const r of page) sheet.addRow(r.map((v) => (typeof v === 'string' ? neutralised(v) : v))).commit();
      // The client reads slower than the database answers: wait for it rather than buffer the file.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    if (first) {
      sheet.addRow(header).font = { bold: true };
    }
    sheet.commit();
    await book.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
