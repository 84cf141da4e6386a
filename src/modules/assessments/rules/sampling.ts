import { createHash } from 'node:crypto';

/** z for the two-sided confidence levels an organiser can pick. */
export const zFor = { 0.9: 1.645, 0.95: 1.96, 0.99: 2.576 } as const;
export type Confidence = keyof typeof zFor;

export type SampleSizeInput = { population: number; confidence: Confidence; margin: number; expectedRate: number };

/**
 * Cochran's size for estimating a rate, n0 = z²·p(1−p)/e², with the finite-population correction
 * n = n0 / (1 + (n0 − 1)/N), rounded up. The formula is returned so the page can show it.
 */
export function sampleSize({ population, confidence, margin, expectedRate }: SampleSizeInput) {
  const z = zFor[confidence];
  const n0 = (z * z * expectedRate * (1 - expectedRate)) / (margin * margin);
  const corrected = n0 / (1 + (n0 - 1) / population);
  const n = Math.min(population, Math.ceil(corrected - 1e-9));
  return {
    z,
    n0: Math.round(n0 * 100) / 100,
    n,
    formula: `n0 = z²·p(1−p)/e² = ${z}²×${expectedRate}×${round4(1 - expectedRate)}/${margin}² = ${n0.toFixed(2)}; n = n0/(1+(n0−1)/N) = ${n0.toFixed(2)}/(1+(${n0.toFixed(2)}−1)/${population}) → ${n}`,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export type Allocation = 'proportional' | 'equal';

/**
 * How many to draw from each stratum. Proportional shares are rounded by largest remainder (ties
 * to the stratum named first), equal shares capped at a stratum's size with the rest spread over
 * the others; the total is exactly n (or the whole population when n exceeds it).
 */
export function allocate(strata: Record<string, number>, n: number, method: Allocation): Record<string, number> {
  const names = Object.keys(strata).sort();
  const total = names.reduce((s, k) => s + strata[k], 0);
  const want = Math.min(n, total);
  const out: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  if (want === 0) return out;
  if (method === 'proportional') {
    const exact = names.map((k) => ({ k, q: (want * strata[k]) / total }));
    for (const e of exact) out[e.k] = Math.floor(e.q);
    let left = want - names.reduce((s, k) => s + out[k], 0);
    const byRemainder = [...exact].sort((a, b) => b.q - Math.floor(b.q) - (a.q - Math.floor(a.q)) || (a.k < b.k ? -1 : 1));
    for (const e of byRemainder) {
      if (left === 0) break;
      if (out[e.k] < strata[e.k]) {
        out[e.k]++;
        left--;
      }
    }
    return out;
  }
  let left = want;
  let open = names.filter((k) => strata[k] > 0);
  while (left > 0 && open.length) {
    const share = Math.floor(left / open.length);
    const extra = left % open.length;
    for (const [i, k] of open.entries()) {
      const give = Math.min(strata[k] - out[k], share + (i < extra ? 1 : 0));
      out[k] += give;
      left -= give;
    }
    open = open.filter((k) => out[k] < strata[k]);
  }
  return out;
}

/** xoshiro128** seeded from SHA-256 of the recorded seed: the same seed draws the same records on any machine. */
export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest();
  let [a, b, c, d] = [h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12)];
  return () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r / 4_294_967_296;
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

export type Unit = { id: number; ref: string; stratum: string };

/**
 * A stratified simple random sample: within each stratum the records are ordered by their
 * reference (so storage order cannot change the draw) and a partial Fisher–Yates shuffle takes
 * the allocated number. Returns the drawn ids in draw order.
 */
export function drawSample(units: Unit[], counts: Record<string, number>, seed: string): number[] {
  const random = seededRandom(seed);
  const byStratum = new Map<string, Unit[]>();
  for (const u of units) {
    const list = byStratum.get(u.stratum) ?? [];
    list.push(u);
    byStratum.set(u.stratum, list);
  }
  const drawn: number[] = [];
  for (const name of [...byStratum.keys()].sort()) {
    const list = byStratum.get(name)!.sort((x, y) => (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0));
    const k = Math.min(counts[name] ?? 0, list.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(random() * (list.length - i));
      [list[i], list[j]] = [list[j], list[i]];
      drawn.push(list[i].id);
    }
  }
  return drawn;
}
