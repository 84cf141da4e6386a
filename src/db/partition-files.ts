import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../lib/errors.js';
import type { ArchiveHeader } from './partitions.js';

/**
 * An archive file: gzip'd lines of JSON, the header first, then one row a line. Written a page at a time
 * (memory stays flat however long the month) and flushed to disk before the partition is dropped.
 */
export function archiveFileWriter(path: string) {
  return async (header: ArchiveHeader, pages: AsyncGenerator<string[]>): Promise<{ rows: number; sha256: string }> => {
    const hash = createHash('sha256');
    let rows = 0;
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for await (const page of pages) {
        const chunk = `${page.join('\n')}\n`;
        hash.update(chunk);
        rows += page.length;
        yield chunk;
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(path, { flags: 'wx' }));
    const file = await open(path, 'r');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
    return { rows, sha256: hash.digest('hex') };
  };
}

/** Reads an archive file back: its header, then its rows a page at a time. */
export async function readArchiveFile(path: string, pageSize = 5_000): Promise<{ header: ArchiveHeader; pages: AsyncGenerator<string[]> }> {
  const input = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  const it = input[Symbol.asyncIterator]();
  let header: ArchiveHeader;
  try {
    const first = await it.next();
    header = JSON.parse(first.done ? '' : first.value) as ArchiveHeader;
  } catch {
    input.close();
    throw new AppError('request.invalid', { zh: '不是有效的听见归档文件。', en: 'This is not a Tingjian archive file.' });
  }
  async function* pages() {
    let page: string[] = [];
    for (let next = await it.next(); !next.done; next = await it.next()) {
      if (next.value) page.push(next.value);
      if (page.length === pageSize) {
        yield page;
        page = [];
      }
    }
    if (page.length) yield page;
  }
  return { header, pages: pages() };
}
