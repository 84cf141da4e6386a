import { describe, expect, it } from 'vitest';
import { type RetrainFacts, shouldRetrain } from './retrain-policy.js';

const noon: RetrainFacts = { growth: 3_000, staleAfter: 2_500, ageHours: 2, localHour: 12 };

describe('when the category model is trained again', () => {
  it.each([
    ['fresh: fewer new dispatches than make it stale', { ...noon, growth: 2_499 }, false],
    ['fresh even when old and at night', { ...noon, growth: 10, ageHours: 100, localHour: 3 }, false],
    ['stale by day, trained two hours ago: waits for the night', noon, false],
    ['stale by day, a day old', { ...noon, ageHours: 24 }, true],
    ['stale, in the quiet hours', { ...noon, localHour: 1 }, true],
    ['stale, quiet hours over', { ...noon, localHour: 5 }, false],
    ['stale by day, just before the quiet hours', { ...noon, localHour: 0 }, false],
    ['far behind (twice what it learns from): at once', { ...noon, growth: 20_000 }, true],
    ['an import of examples (weighted past the urgent mark): at once', { ...noon, growth: 20_000 * 3, ageHours: 0 }, true],
  ] as const)('%s', (_, facts, expected) => {
    expect(shouldRetrain(facts)).toBe(expected);
  });
});
