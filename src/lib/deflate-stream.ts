import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);
// An empty final block: what closes a deflate stream made of sync-flushed pieces.
const finalBlock = zlib.deflateRawSync(Buffer.alloc(0));

// zlib.crc32 is native from Node 20.15; before it, the table below.
const crcTable = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32Table(data: Uint8Array, crc: number): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
const crc32: (data: Uint8Array, crc: number) => number = typeof zlib.crc32 === 'function' ? zlib.crc32 : crc32Table;

/** What a container writes after the deflated data: the CRC-32 and both lengths. */
export type Deflated = { crc: number; size: number; compressed: number };

/**
 * Raw deflate of chunks as they come. Each chunk is deflated on its own on libuv's pool, ending on a
 * sync flush (byte-aligned, not final), so the pieces join into one stream that an empty final block
 * closes; a chunk is deflated while the next one is made (the two overlap, no more are held), in
 * output pieces of 256 KB (zlib's 16 KB cost a trip to the main thread each). `totals` is filled in
 * as the pieces go, and is whole once the last has been yielded.
 */
async function* deflatedChunks(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, level: number, totals: Deflated) {
  const options = { level, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 };
  let deflating: Promise<Buffer> | undefined;
  const taken = async () => {
    const out = await (deflating as Promise<Buffer>);
    totals.compressed += out.length;
    return out;
  };
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    totals.crc = crc32(chunk, totals.crc);
    totals.size += chunk.length;
    const previous = deflating ? await taken() : undefined;
    deflating = deflateRaw(chunk, options);
    // Not awaited yet: a failure before it is (the client gone) must not go unhandled.
    deflating.catch(() => undefined);
    if (previous) yield previous;
  }
  if (deflating) yield await taken();
  totals.compressed += finalBlock.length;
  yield finalBlock;
}

/** One file of an archive: its bytes whole (a small part) or as they come (a long sheet). */
export type ZipFile = { name: string; data: Uint8Array | AsyncIterable<Uint8Array> };

/** MS-DOS date and time, as a ZIP entry carries them (local time, two-second steps). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

// Bit 3: sizes and CRC follow the data (a data descriptor); bit 11: names in UTF-8.
const zipFlags = 0x0008 | 0x0800;
const zipDeflated = 8;
const zipVersion = 20;
const fourGiB = 0xffffffff;

function localHeader(name: Buffer, time: number, date: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zipVersion, 4);
  h.writeUInt16LE(zipFlags, 6);
  h.writeUInt16LE(zipDeflated, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  // CRC and sizes (14–25) stay 0: the data descriptor after the data carries them.
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function dataDescriptor(d: Deflated): Buffer {
  const h = Buffer.alloc(16);
  h.writeUInt32LE(0x08074b50, 0);
  h.writeUInt32LE(d.crc, 4);
  h.writeUInt32LE(d.compressed, 8);
  h.writeUInt32LE(d.size, 12);
  return h;
}

function centralHeader(name: Buffer, d: Deflated, offset: number, time: number, date: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(zipVersion, 4);
  h.writeUInt16LE(zipVersion, 6);
  h.writeUInt16LE(zipFlags, 8);
  h.writeUInt16LE(zipDeflated, 10);
  h.writeUInt16LE(time, 12);
  h.writeUInt16LE(date, 14);
  h.writeUInt32LE(d.crc, 16);
  h.writeUInt32LE(d.compressed, 20);
  h.writeUInt32LE(d.size, 24);
  h.writeUInt16LE(name.length, 28);
  // Extra field, comment, disk number, internal and external attributes (30–41): none.
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

function endOfDirectory(entries: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(entries, 8);
  h.writeUInt16LE(entries, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

/**
 * A ZIP archive (deflated entries, no ZIP64: each part and the whole under 4 GiB) as it is written,
 * for a consumer that pulls: an entry given as chunks is read one chunk at a time, as the bytes
 * before it are taken.
 */
export async function* zipStream(files: Iterable<ZipFile>, level: number): AsyncGenerator<Uint8Array> {
  const { time, date } = dosTime(new Date());
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const head = localHeader(name, time, date);
    const totals: Deflated = { crc: 0, size: 0, compressed: 0 };
    yield head;
    yield* deflatedChunks(file.data instanceof Uint8Array ? [file.data] : file.data, level, totals);
    if (totals.size > fourGiB || offset > fourGiB) throw new Error(`zip entry ${file.name} is past 4 GiB`);
    yield dataDescriptor(totals);
    directory.push(centralHeader(name, totals, offset, time, date));
    offset += head.length + totals.compressed + 16;
  }
  const size = directory.reduce((n, d) => n + d.length, 0);
  if (offset > fourGiB || directory.length > 0xffff) throw new Error('zip archive is past 4 GiB or 65,535 entries');
  yield Buffer.concat([...directory, endOfDirectory(directory.length, size, offset)]);
}

/** A gzip file (RFC 1952) of the chunks as they come, deflated as the archive's entries are. */
export async function* gzipStream(chunks: AsyncIterable<Uint8Array>, level: number): AsyncGenerator<Uint8Array> {
  // Magic, deflate, no flags, no time, no extra flags, unknown system.
  yield Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
  const totals: Deflated = { crc: 0, size: 0, compressed: 0 };
  yield* deflatedChunks(chunks, level, totals);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(totals.crc, 0);
  // The length modulo 2^32, as the format has it.
  trailer.writeUInt32LE(totals.size % 2 ** 32, 4);
  yield trailer;
}
