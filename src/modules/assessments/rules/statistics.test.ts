import { describe, expect, it } from 'vitest';
import { roundTo, spread, trimmedMean, wilson } from './statistics.js';

describe('Wilson 95% interval', () => {
  it.each([
    // qualified, sampled → rate, low, high (percent, 1 decimal)
    [3280, 3313, 99.0, 98.6, 99.3],
    [0, 10, 0, 0, 27.8],
    [10, 10, 100, 72.2, 100],
    [50, 100, 50, 40.4, 59.6],
    [1, 1, 100, 20.7, 100],
    [95, 100, 95, 88.8, 97.8],
  ])('%i of %i → %f%% [%f, %f]', (ok, n, rate, low, high) => {
    const w = wilson(ok, n)!;
    expect([w.rate, w.low, w.high].map((x) => roundTo(x * 100, 1))).toEqual([rate, low, high]);
  });
  it('has no interval without a sample', () => expect(wilson(0, 0)).toBeNull());
});

describe('panel arithmetic', () => {
  it.each([
    [[90, 80, 70], 80],
    [[100, 60, 85, 88, 90], 87.67],
    [[88, 92], 90],
    [[75], 75],
    [[95, 95, 95, 95], 95],
  ])('trimmed mean of %j → %f', (xs, want) => expect(roundTo(trimmedMean(xs)!, 2)).toBe(want));
  it.each([
    [[90, 80, 70], 20, 10],
    [[85], 0, 0],
    [[1, 2, 3, 4], 3, 1.29],
  ])('spread of %j → range %f, sd %f', (xs, range, sd) => {
    const s = spread(xs)!;
    expect([s.range, roundTo(s.sd, 2)]).toEqual([range, sd]);
  });
});
