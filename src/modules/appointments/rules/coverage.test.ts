import { describe, expect, it } from 'vitest';
import { coverageOn, monthlyCoverage, type Post, type Term, targetStatus } from './coverage.js';

const posts: Post[] = [1, 2, 3, 4].map((i) => ({
  regionId: i,
  name: `${i}村`,
  townshipId: i <= 2 ? 10 : 20,
  township: i <= 2 ? '甲镇' : '乙镇',
}));
const terms: Term[] = [
  { postRegionId: 1, from: '2025-03-27', to: null },
  { postRegionId: 2, from: '2025-03-27', to: '2025-05-31' }, // dismissed at the end of May
  { postRegionId: 3, from: '2025-06-15', to: null },
  { postRegionId: 3, from: '2025-03-27', to: null }, // a second appointee in the same village counts once
];

describe('coverage of posts', () => {
  it.each([
    ['2025-03-26', 0, 0],
    ['2025-03-27', 3, 0.75],
    ['2025-05-31', 3, 0.75],
    ['2025-06-01', 2, 0.5],
    ['2025-06-30', 2, 0.5],
  ])('on %s: %i covered (%f)', (day, covered, share) => {
    const c = coverageOn(posts, terms, day);
    expect([c.covered, c.share]).toEqual([covered, share]);
  });
  it('per township and the posts still to cover', () => {
    const c = coverageOn(posts, terms, '2025-06-30');
    expect(c.byTownship).toEqual([
      { township: '乙镇', posts: 2, covered: 1, share: 0.5 },
      { township: '甲镇', posts: 2, covered: 1, share: 0.5 },
    ]);
    expect(c.uncovered.map((p) => p.regionId)).toEqual([2, 4]);
  });
});

describe('dated targets', () => {
  const targets = [
    { by: '2025-06-30', share: 0.5 },
    { by: '2025-12-31', share: 1 },
  ];
  it.each([
    ['2025-04-01', ['on_track', 'behind'], [0, 1]],
    ['2025-07-01', ['met', 'behind'], [0, 2]],
  ] as const)('on %s', (today, states, remaining) => {
    const s = targetStatus(posts, terms, targets, today);
    expect(s.map((x) => x.state)).toEqual(states);
    expect(s.map((x) => x.remaining)).toEqual(remaining);
  });
  it('a target missed on its date stays missed', () => {
    const s = targetStatus(posts, terms, [{ by: '2025-06-30', share: 0.75 }], '2026-01-01');
    expect(s[0]).toMatchObject({ state: 'missed', needed: 3, covered: 2, remaining: 1 });
  });
  it('month-end coverage for the chart', () => {
    expect(monthlyCoverage(posts, terms, '2025-02', '2025-06').map((m) => [m.month, m.covered])).toEqual([
      ['2025-02', 0],
      ['2025-03', 3],
      ['2025-04', 3],
      ['2025-05', 3],
      ['2025-06', 2],
    ]);
  });
});
