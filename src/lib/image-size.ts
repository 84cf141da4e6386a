/** Width and height from an image's header (JPEG, PNG, WebP), without decoding it; null when unreadable. */
export function imageSize(data: Buffer, type: 'image/jpeg' | 'image/png' | 'image/webp'): { width: number; height: number } | null {
  if (type === 'image/png') {
    // IHDR is the first chunk: width and height as big-endian 32-bit integers at 16 and 20.
    if (data.length < 24 || data.toString('ascii', 12, 16) !== 'IHDR') return null;
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (type === 'image/webp') {
    const chunk = data.toString('ascii', 12, 16);
    if (chunk === 'VP8X' && data.length >= 30) return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
    if (chunk === 'VP8 ' && data.length >= 30) return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L' && data.length >= 25) {
      const bits = data.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    return null;
  }
  // JPEG: walk the segments to the first start-of-frame marker.
  let i = 2;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1];
    const length = data.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: data.readUInt16BE(i + 7), height: data.readUInt16BE(i + 5) };
    }
    i += 2 + length;
  }
  return null;
}

/** The largest photo accepted: a phone camera's full frame, not a decompression bomb. */
export const maxImageSide = 12_000;
export const maxImagePixels = 50_000_000;
