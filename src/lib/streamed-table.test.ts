import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { type Cell, csvStream, xlsxStream } from './streamed-table.js';
import { spreadsheetLimits } from './xlsx/limits.js';
import { readXlsx } from './xlsx/read-xlsx.js';
import { zipEntries } from './xlsx/zip-entries.js';

async function* pagesOf(...pages: Cell[][][]) {
  for (const page of pages) yield page;
}

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());
/** As exceljs' types take a file. */
const loaded = async (file: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.buffer as ArrayBuffer);
  return book;
};

// Thirty columns (past Z into AA…AD), text that XML must escape or cannot hold, formulas, numbers, empty cells.
const header = Array.from({ length: 30 }, (_, i) => `列${i + 1}`);
const rowOf = (n: number): Cell[] =>
  header.map((_, i) => {
    if (i === 0) return `S${n}`;
    if (i === 1) return n;
    if (i === 2) return null;
    if (i === 3) return '';
    if (i === 4) return `<a href="x">&'${n}'</a>`;
    if (i === 5) return `=HYPERLINK("http://x/${n}")`;
    if (i === 6) return `控制\u0001字符\u001f${n}`;
    if (i === 7) return `第一行\r\n第二行 ${n}`;
    return `诉求 ${n} · ${i} 🙂`;
  });

describe('a streamed XLSX', () => {
  const first = [rowOf(1), rowOf(2)];
  const second = [rowOf(3)];

  it('reads back cell for cell, as exceljs wrote it: escaped, formulas neutralised, control characters dropped', async () => {
    const book = await loaded(await bytesOf(xlsxStream('诉求', header, pagesOf(first, second))));
    const sheet = book.getWorksheet('诉求')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(30).text).toBe('列30');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    const row = sheet.getRow(4);
    expect(row.getCell(1).value).toBe('S3');
    expect(row.getCell(2).value).toBe(3);
    expect(row.getCell(3).value).toBeNull();
    expect(row.getCell(4).text).toBe('');
    expect(row.getCell(5).value).toBe(`<a href="x">&'3'</a>`);
    expect(row.getCell(6).value).toBe(`'=HYPERLINK("http://x/3")`);
    expect(row.getCell(7).value).toBe('控制字符3');
    expect(row.getCell(8).value).toBe('第一行\n第二行 3');
    expect(row.getCell(30).value).toBe('诉求 3 · 29 🙂');
    // Widths from the header and the first page, 8 to 40 characters.
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(6).width).toBe(40);
    expect(sheet.getColumn(30).width).toBe(24);
  });

  it('is a zip whose parts inflate to what the directory says, as the import reader checks, and reads there too', async () => {
    const file = await bytesOf(xlsxStream('诉求', header, pagesOf(first, second)));
    const entries = zipEntries(file, spreadsheetLimits);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    // Each part's CRC-32 as the central directory holds it (the import reader does not check it; Excel does).
    const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const crcs = new Map<string, number>();
    for (let at = file.readUInt32LE(end + 16); at < end; ) {
      const nameLength = file.readUInt16LE(at + 28);
      crcs.set(file.toString('utf8', at + 46, at + 46 + nameLength), file.readUInt32LE(at + 16));
      at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    }
    for (const e of entries) {
      const data = inflateRawSync(file.subarray(e.dataStart, e.dataStart + e.compressed));
      expect(data.length).toBe(e.unzipped);
      expect(crcs.get(e.name)).toBe(crc32(data));
    }
    const rows = await readXlsx(file, spreadsheetLimits, () => undefined);
    expect(rows.map((r) => r.列1)).toEqual(['S1', 'S2', 'S3']);
    expect(rows[1].列30).toBe('诉求 2 · 29 🙂');
  });

  it('holds the header alone when nothing matches', async () => {
    const book = await loaded(await bytesOf(xlsxStream('诉求', header, pagesOf())));
    const sheet = book.getWorksheet('诉求')!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).getCell(2).text).toBe('列2');
  });
});

describe('a streamed CSV', () => {
  it('has a BOM, CRLF lines and cells quoted and neutralised, page after page', async () => {
    const file = await bytesOf(csvStream(['a', 'b'], pagesOf([['=1+1', 'x,"y"']], [[2, null]])));
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString('utf8')).toBe('\uFEFFa,b\r\n\'=1+1,"x,""y"""\r\n2,\r\n');
    expect(parseCsv(file.toString('utf8'))).toEqual([
      ['a', 'b'],
      ["'=1+1", 'x,"y"'],
      ['2', ''],
    ]);
  });

  it('gzipped, inflates to the same bytes, page after page', async () => {
    const pages = () => pagesOf([rowOf(1), rowOf(2)], [rowOf(3)]);
    const plain = await bytesOf(csvStream(header, pages()));
    const gzipped = await bytesOf(csvStream(header, pages(), true));
    expect([...gzipped.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(gzipped).equals(plain)).toBe(true);
  });
});
