import { createInflateRaw } from 'node:zlib';
import type { SpreadsheetLimits } from './limits.js';
import { SpreadsheetRefused } from './refusal.js';

export type ZipEntry = { name: string; method: number; dataStart: number; compressed: number; unzipped: number };

const unreadable = () => new SpreadsheetRefused({ kind: 'unreadable' });
const MB = 1024 * 1024;

/**
 * The entries of a zip as its central directory declares them, refused before anything is
 * inflated when the declared sizes pass the caps. The entries must tile the file from its first
 * byte to the directory: an entry the directory does not list (which a streaming reader would
 * still inflate) has nowhere to hide. Zip64 is refused: no spreadsheet under 6 MB needs it.
 */
export function zipEntries(file: Buffer, limits: SpreadsheetLimits): ZipEntry[] {
  let end = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = file.readUInt16LE(end + 10);
  const dirSize = file.readUInt32LE(end + 12);
  const dirStart = file.readUInt32LE(end + 16);
  if (count === 0xffff || dirStart === 0xffffffff || dirStart + dirSize > end) throw unreadable();
  const entries: (ZipEntry & { headerAt: number; descriptor: boolean })[] = [];
  let at = dirStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || file.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressed = file.readUInt32LE(at + 20);
    const unzipped = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const skip = nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    const headerAt = file.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || unzipped === 0xffffffff || headerAt === 0xffffffff) throw unreadable();
    if (method !== 0 && method !== 8) throw unreadable();
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (headerAt + 30 > dirStart || file.readUInt32LE(headerAt) !== 0x04034b50) throw unreadable();
    const dataStart = headerAt + 30 + file.readUInt16LE(headerAt + 26) + file.readUInt16LE(headerAt + 28);
    entries.push({ name, method, dataStart, compressed, unzipped, headerAt, descriptor: (flags & 8) !== 0 });
    at += 46 + skip;
  }
  // Contiguous from byte 0 to the directory; a data descriptor (12 or 16 bytes, 20/24 for zip64) may follow an entry's data.
  entries.sort((a, b) => a.headerAt - b.headerAt);
  let next = 0;
  for (const e of entries) {
    const gap = e.headerAt - next;
    if (gap !== 0 && !(gap >= 12 && gap <= 24 && entries.find((x) => x.dataStart + x.compressed === next)?.descriptor)) throw unreadable();
    next = e.dataStart + e.compressed;
  }
  const tail = dirStart - next;
  if (tail !== 0 && !(tail >= 12 && tail <= 24 && entries.at(-1)?.descriptor)) throw unreadable();
  let total = 0;
  for (const e of entries) {
    total += e.unzipped;
    if (e.name === 'xl/sharedStrings.xml' && e.unzipped > limits.maxSharedStringsMb * MB)
      throw new SpreadsheetRefused({ kind: 'sharedStrings' });
  }
  if (total > limits.maxUnzippedMb * MB) throw new SpreadsheetRefused({ kind: 'unzipped' });
  return entries.map(({ headerAt: _h, descriptor: _d, ...e }) => e);
}

/**
 * Inflates each entry only to count its bytes, stopping at the first byte past what the directory
 * declared: a directory that lies about sizes is refused before the workbook reader trusts it.
 */
export async function checkInflatedSizes(file: Buffer, entries: ZipEntry[]): Promise<void> {
  for (const e of entries) {
    const data = file.subarray(e.dataStart, e.dataStart + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.unzipped) throw unreadable();
      continue;
    }
    await new Promise<void>((resolve, reject) => {
      const inflate = createInflateRaw();
      let seen = 0;
      inflate.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > e.unzipped) {
          inflate.destroy();
          reject(new SpreadsheetRefused({ kind: 'unzipped' }));
        }
      });
      inflate.on('error', () => reject(unreadable()));
      inflate.on('end', () => (seen === e.unzipped ? resolve() : reject(unreadable())));
      inflate.end(data);
    });
  }
}
