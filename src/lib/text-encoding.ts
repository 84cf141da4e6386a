/**
 * Bytes of a text file as text: UTF-8 when they are valid UTF-8, else GB18030 (a superset of GBK,
 * what Excel on a Chinese Windows saves a CSV in), else null. A leading BOM is dropped.
 */
export function decodeText(bytes: Uint8Array): string | null {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // not this encoding: try the next
    }
  }
  return null;
}
