import { describe, expect, it } from 'vitest';
import { allocate, drawSample, sampleSize, type Unit } from './sampling.js';

describe('sample size (Cochran with finite-population correction)', () => {
  it.each([
    // population, confidence, margin, expected rate → n0, n
    [1_000_000, 0.95, 0.05, 0.5, 384.16, 385],
    [10_000, 0.95, 0.05, 0.5, 384.16, 370],
    [500, 0.95, 0.05, 0.5, 384.16, 218],
    [40_000, 0.95, 0.0035, 0.99, 3104.64, 2882],
    [40_000, 0.99, 0.01, 0.9, 5972.2, 5197],
    [100, 0.9, 0.1, 0.5, 67.65, 41],
    [50, 0.95, 0.01, 0.5, 9604, 50],
  ] as const)('N=%i at %f±%f, p=%f → n0 %f, n %i', (population, confidence, margin, expectedRate, n0, n) => {
    const got = sampleSize({ population, confidence, margin, expectedRate });
    expect([got.n0, got.n]).toEqual([n0, n]);
    expect(got.formula).toContain('n0/(1+(n0−1)/N)');
  });
});

describe('allocation over strata', () => {
  it.each([
    [{ a: 500, b: 300, c: 200 }, 100, 'proportional', { a: 50, b: 30, c: 20 }],
    [{ a: 1, b: 1, c: 1 }, 2, 'proportional', { a: 1, b: 1, c: 0 }],
    [{ a: 10, b: 20, c: 30 }, 7, 'proportional', { a: 1, b: 2, c: 4 }],
    [{ a: 5, b: 100, c: 100 }, 60, 'equal', { a: 5, b: 28, c: 27 }],
    [{ a: 3, b: 3 }, 10, 'equal', { a: 3, b: 3 }],
    [{ a: 0, b: 9 }, 4, 'equal', { a: 0, b: 4 }],
    [{ a: 9 }, 0, 'proportional', { a: 0 }],
  ] as const)('%j, n=%i, %s → %j', (strata, n, method, want) => {
    expect(allocate({ ...strata }, n, method)).toEqual(want);
  });
});

describe('the draw', () => {
  const population: Unit[] = Array.from({ length: 1_000 }, (_, i) => ({
    id: i + 1,
    ref: `F${String(i).padStart(5, '0')}`,
    stratum: `H${i % 3}`,
  }));
  const counts = allocate({ H0: 334, H1: 333, H2: 333 }, 90, 'proportional');

  it('draws the same records from the same seed whatever order storage returns them in', () => {
    const first = drawSample(population, counts, 'seed-2025-Q1');
    const shuffled = [...population].reverse();
    expect(drawSample(shuffled, counts, 'seed-2025-Q1')).toEqual(first);
    expect(new Set(first).size).toBe(90);
  });
  it('draws other records from another seed, honouring each stratum’s count', () => {
    const a = drawSample(population, counts, 'seed-a');
    const b = drawSample(population, counts, 'seed-b');
    expect(a).not.toEqual(b);
    const perStratum = (ids: number[]) =>
      ids.reduce<Record<string, number>>((m, id) => {
        const s = population[id - 1].stratum;
        m[s] = (m[s] ?? 0) + 1;
        return m;
      }, {});
    expect(perStratum(a)).toEqual(counts);
    expect(perStratum(b)).toEqual(counts);
  });
});
