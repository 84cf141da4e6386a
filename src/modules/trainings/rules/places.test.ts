import { describe, expect, it } from 'vitest';
import { completed, nextToPromote, place } from './places.js';

describe('placing a learner', () => {
  it.each([
    ['open, room left', { audience: 'open', capacity: 10, enrolled: 3, quota: null }, 'enrolled'],
    ['open, full', { audience: 'open', capacity: 10, enrolled: 10, quota: null }, 'waitlisted'],
    ['invited, seats left', { audience: 'invited', capacity: 42, enrolled: 5, quota: { seats: 2, used: 1 } }, 'enrolled'],
    ['invited, township used its seats', { audience: 'invited', capacity: 42, enrolled: 5, quota: { seats: 2, used: 2 } }, 'waitlisted'],
    ['invited, course full', { audience: 'invited', capacity: 42, enrolled: 42, quota: { seats: 2, used: 0 } }, 'waitlisted'],
    ['invited, no seats for the township', { audience: 'invited', capacity: 42, enrolled: 5, quota: null }, 'refused'],
    ['zero capacity', { audience: 'open', capacity: 0, enrolled: 0, quota: null }, 'waitlisted'],
  ] as const)('%s → %s', (_, seats, want) => expect(place(seats).kind).toBe(want));
});

describe('promotion from the wait-list', () => {
  const waitlist = [
    { id: 7, regionId: 1 },
    { id: 8, regionId: 2 },
    { id: 9, regionId: 2 },
  ];
  it.each([
    ['open course: the first', 'open', 10, 9, new Map<number, number>(), 7],
    ['still full: nobody', 'open', 10, 10, new Map<number, number>(), null],
    ['invited: the first whose township has a seat', 'invited', 42, 41, new Map([[2, 1]]), 8],
    ['invited: no township has a seat', 'invited', 42, 41, new Map([[1, 0]]), null],
    [
      'invited: the first in order when both fit',
      'invited',
      42,
      30,
      new Map([
        [1, 1],
        [2, 1],
      ]),
      7,
    ],
  ] as const)('%s', (_, audience, capacity, enrolled, quotaLeft, want) => {
    expect(nextToPromote(waitlist, { audience, capacity, enrolled }, quotaLeft)).toBe(want);
  });
});

describe('completion', () => {
  it.each([
    [8, 9, 0.8, true],
    [7, 9, 0.8, false],
    [4, 5, 0.8, true],
    [3, 5, 0.8, false],
    [1, 1, 0.8, true],
    [0, 0, 0.8, false],
    [2, 2, 1, true],
    [1, 2, 1, false],
  ])('%i of %i sessions at %f → %s', (attended, sessions, share, want) => expect(completed(attended, sessions, share)).toBe(want));
});
