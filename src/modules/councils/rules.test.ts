import { describe, expect, it } from 'vitest';
import { passes, quorumMet, tally } from './rules.js';

describe('council rules', () => {
  it.each([
    [5, 9, 50, true],
    [4, 9, 50, false],
    [3, 6, 50, false],
    [4, 6, 50, true],
    [6, 9, 66, true],
    [5, 9, 66, false],
    [0, 0, 50, false],
  ])('%i of %i present, quorum %i%% → %s', (present, seats, share, want) => {
    expect(quorumMet(present, seats, share)).toBe(want);
  });
  it.each([
    [['for', 'for', 'against'], 3, true],
    [['for', 'against'], 2, false],
    [['for', 'for', 'abstain', 'abstain'], 4, false],
    [['for', 'for', 'for', 'abstain', 'against'], 5, true],
    [['for', 'for'], 5, false],
  ] as const)('%j of %i present', (choices, present, want) => {
    expect(passes(tally([...choices]), present)).toBe(want);
  });
  it.each([
    ['majority_seats', 3, 4, 7, false],
    ['majority_seats', 4, 5, 7, true],
    ['two_thirds_present', 4, 6, 9, true],
    ['two_thirds_present', 3, 5, 9, false],
  ] as const)('%s: %i for, %i present of %i seats', (rule, forVotes, present, seats, want) => {
    expect(passes({ for: forVotes, against: 0, abstain: 0 }, present, rule, seats)).toBe(want);
  });
});
