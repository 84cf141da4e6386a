import { normalizeText } from './normalize-text.js';

export const hashes = 32;
export const bands = 16;
const rows = hashes / bands;

// Fixed seeds: signatures must be comparable across processes and restarts.
const seedsA = Array.from({ length: hashes }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const seedsB = Array.from({ length: hashes }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Character bigram shingles of the meaningful characters (Han, letters, digits): most Chinese words are two characters. */
export function shingles(text: string): Set<number> {
  const clean = normalizeText(text).replace(/[^\p{Script=Han}a-z0-9]+/gu, '');
  const out = new Set<number>();
  for (let i = 0; i + 2 <= clean.length; i++) out.add(fnv1a(clean.slice(i, i + 2)));
  if (out.size === 0 && clean) out.add(fnv1a(clean));
  return out;
}

/** A 32-value MinHash signature: the share of equal values estimates Jaccard similarity. */
export function signature(text: string): Int32Array {
  const sig = new Int32Array(hashes).fill(0x7fffffff);
  for (const s of shingles(text)) {
    for (let i = 0; i < hashes; i++) {
      const h = (Math.imul(seedsA[i], s) + seedsB[i]) & 0x7fffffff;
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** LSH keys: 16 bands of 2 values, each folded to one int; texts sharing a band are candidates (≈94% at Jaccard 0.4). */
export function bandKeys(sig: Int32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[b * rows + r], 0x01000193);
    // The band number is folded in, so that one array of keys can hold every band.
    out.push(Math.imul(h ^ (b + 1), 0x9e3779b1) | 0);
  }
  return out;
}

export function estimatedSimilarity(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let i = 0; i < hashes; i++) if (a[i] === b[i]) same++;
  return same / hashes;
}

export const signatureToBuffer = (sig: Int32Array) => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
export const signatureFromBuffer = (buf: Buffer) => new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
