import { describe, expect, it } from 'vitest';
import { rank } from './ranking.js';

const c = (key: number, total: number, ...tieBreaks: (number | null)[]) => ({ key, total, tieBreaks });

describe('ranking with declared tie-breaks', () => {
  it.each([
    [
      'distinct totals',
      [c(1, 80), c(2, 95), c(3, 90)],
      [],
      [
        [2, 1, null],
        [3, 2, null],
        [1, 3, null],
      ],
    ],
    [
      'equal totals share a rank; the next rank skips',
      [c(1, 90), c(2, 90), c(3, 80)],
      [],
      [
        [1, 1, null],
        [2, 1, null],
        [3, 3, null],
      ],
    ],
    [
      'the first tie-break separates',
      [c(1, 90, 18), c(2, 90, 19), c(3, 80, 20)],
      ['ops'],
      [
        [2, 1, null],
        [1, 2, 'ops'],
        [3, 3, null],
      ],
    ],
    [
      'the second tie-break when the first is equal',
      [c(1, 90, 18, 9), c(2, 90, 18, 10)],
      ['ops', 'gis'],
      [
        [2, 1, null],
        [1, 2, 'gis'],
      ],
    ],
    [
      'equal on every tie-break: shared',
      [c(1, 90, 18, 9), c(2, 90, 18, 9)],
      ['ops', 'gis'],
      [
        [1, 1, null],
        [2, 1, null],
      ],
    ],
    [
      'a missing tie-break value loses',
      [c(1, 90, null), c(2, 90, 5)],
      ['ops'],
      [
        [2, 1, null],
        [1, 2, 'ops'],
      ],
    ],
  ] as const)('%s', (_, items, names, want) => {
    expect(
      rank(
        items.map((i) => ({ ...i, tieBreaks: [...i.tieBreaks] })),
        [...names],
      ).map((r) => [r.key, r.rank, r.decidedBy]),
    ).toEqual(want);
  });
});
