// Hand-made XLSX files for the spreadsheet caps: a zip written part by part, so a test can make a
// file that inflates to hundreds of megabytes (or lies about it) without holding it in memory.
import { crc32, createDeflateRaw } from 'node:zlib';

type Part = { name: string; chunks: () => Iterable<string | Buffer>; declare?: number };

async function deflate(chunks: Iterable<string | Buffer>) {
  const z = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const c of chunks) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/** A zip of the parts, deflated; `declare` puts a size in the directory other than the true one. */
export async function zip(parts: Part[]): Promise<Buffer> {
  const files: Buffer[] = [];
  const dir: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const { data, crc, size } = await deflate(p.chunks());
    const name = Buffer.from(p.name);
    const declared = p.declare ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    files.push(local, name, data);
    dir.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dirBytes = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...files, dirBytes, end]);
}

const skeleton = (): Part[] => [
  {
    name: '[Content_Types].xml',
    chunks: () => [
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ],
  },
  {
    name: '_rels/.rels',
    chunks: () => [
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
  },
  {
    name: 'xl/workbook.xml',
    chunks: () => [
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ],
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    chunks: () => [
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ],
  },
];

const sheetHead =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const sheetTail = '</sheetData></worksheet>';
const strings = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;

function* rows(count: number, row: (n: number) => string) {
  yield sheetHead;
  let batch = '';
  for (let n = 1; n <= count; n++) {
    batch += row(n);
    if (batch.length > 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  yield batch + sheetTail;
}

/** Millions of the same row (header 编号,内容 then a reference to the same two strings): a megabyte or so zipped. */
export function manyRowsBomb(count = 3_000_000, opts: { declare?: number; numbered?: boolean } = {}) {
  // Rows may leave out their numbers and cell references; identical rows compress a thousandfold.
  const row = opts.numbered
    ? (n: number) => `<row r="${n}"><c r="A${n}" t="s"><v>${n === 1 ? 0 : 2}</v></c><c r="B${n}" t="s"><v>${n === 1 ? 1 : 3}</v></c></row>`
    : (n: number) =>
        n === 1 ? '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' : '<row><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>';
  return zip([
    ...skeleton(),
    { name: 'xl/sharedStrings.xml', chunks: () => [strings(['编号', '内容', 'X-1', '路灯不亮'])] },
    { name: 'xl/worksheets/sheet1.xml', chunks: () => rows(count, row), declare: opts.declare },
  ]);
}

/** One shared string of `mb` megabytes (400 by default): a few hundred kilobytes zipped. */
export function hugeStringBomb(mb = 400, opts: { declare?: number } = {}) {
  const mega = Buffer.alloc(1 << 20, 'a');
  return zip([
    ...skeleton(),
    {
      name: 'xl/sharedStrings.xml',
      chunks: function* () {
        yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>编号</t></si><si><t>';
        for (let i = 0; i < mb; i++) yield mega;
        yield '</t></si></sst>';
      },
      declare: opts.declare,
    },
    { name: 'xl/worksheets/sheet1.xml', chunks: () => rows(2, (n) => `<row r="${n}"><c r="A${n}" t="s"><v>${n - 1}</v></c></row>`) },
  ]);
}
