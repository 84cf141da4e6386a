import { describe, expect, it } from 'vitest';
import { computeRates, monthRange, noMarks, type RateCounts, rankUnits, totalRates, type UnitRates } from './rates.js';

const counts = (c: Partial<RateCounts>): RateCounts => ({
  dispatched: 0,
  respondedInTime: 0,
  calledBack: 0,
  solved: 0,
  satisfied: 0,
  closed: 0,
  closedOnTime: 0,
  ...c,
});

describe('三率', () => {
  it.each([
    [
      { dispatched: 10, respondedInTime: 9, calledBack: 8, solved: 6, satisfied: 7, closed: 8, closedOnTime: 4 },
      { responseRate: 0.9, resolutionRate: 0.75, satisfactionRate: 0.875, onTimeClosureRate: 0.5 },
    ],
    [
      { dispatched: 0, calledBack: 0 },
      { responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeClosureRate: null },
    ],
    [
      { dispatched: 4, respondedInTime: 4 },
      { responseRate: 1, resolutionRate: null, satisfactionRate: null, onTimeClosureRate: null },
    ],
  ])('%j', (c, want) => {
    expect(computeRates(counts(c))).toMatchObject(want);
  });

  it('scores the mean of the rates that exist', () => {
    expect(computeRates(counts({ dispatched: 4, respondedInTime: 2, calledBack: 2, solved: 2, satisfied: 1 })).score).toBeCloseTo(
      (0.5 + 1 + 0.5) / 3,
    );
    expect(computeRates(counts({ dispatched: 4, respondedInTime: 3 })).score).toBe(0.75);
  });
});

describe('ranking', () => {
  const unit = (unitId: number, c: Partial<RateCounts>): UnitRates => {
    const cc = counts(c);
    return { unitId, unitName: `单位${unitId}`, counts: cc, rates: computeRates(cc), marks: noMarks };
  };
  it('leaves out units below the minimum, so one perfect case cannot top the table', () => {
    const ranked = rankUnits(
      [
        unit(1, { dispatched: 1, respondedInTime: 1, calledBack: 1, solved: 1, satisfied: 1 }),
        unit(2, { dispatched: 20, respondedInTime: 18, calledBack: 15, solved: 12, satisfied: 13 }),
        unit(3, { dispatched: 30, respondedInTime: 20, calledBack: 25, solved: 15, satisfied: 15 }),
      ],
      5,
    );
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });
  it('breaks ties by volume', () => {
    const ranked = rankUnits([unit(1, { dispatched: 5, respondedInTime: 5 }), unit(2, { dispatched: 9, respondedInTime: 9 })], 5);
    expect(ranked.map((r) => r.unitId)).toEqual([2, 1]);
  });
});

describe('month range', () => {
  it('is a local month', () => {
    const { start, end } = monthRange('2026-11');
    expect(start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(monthRange('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('the district total', () => {
  it('adds the counts and computes the rates from the sums, not by averaging units', () => {
    const a: UnitRates = {
      unitId: 1,
      unitName: 'A',
      counts: { dispatched: 10, respondedInTime: 10, calledBack: 10, solved: 10, satisfied: 10, closed: 10, closedOnTime: 10 },
      rates: computeRates({ dispatched: 10, respondedInTime: 10, calledBack: 10, solved: 10, satisfied: 10, closed: 10, closedOnTime: 10 }),
      marks: { yellow: 1, red: 0, overdue: 2 },
    };
    const bCounts = { dispatched: 30, respondedInTime: 0, calledBack: 30, solved: 0, satisfied: 0, closed: 30, closedOnTime: 0 };
    const b: UnitRates = {
      unitId: 2,
      unitName: 'B',
      counts: bCounts,
      rates: computeRates(bCounts),
      marks: { yellow: 2, red: 1, overdue: 3 },
    };
    const t = totalRates([a, b]);
    expect(t.counts.dispatched).toBe(40);
    expect(t.marks).toEqual({ yellow: 3, red: 1, overdue: 5 });
    expect([t.rates.responseRate, t.rates.resolutionRate, t.rates.satisfactionRate, t.rates.onTimeClosureRate]).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
    expect(totalRates([]).rates.score).toBeNull();
  });
});
