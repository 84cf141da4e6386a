import { describe, expect, it } from 'vitest';
import { isOverdue, meetingPhase, moveActionItem, passes, personMoves, quorumMet, tally } from './rules.js';

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

describe('meeting window', () => {
  const startsAt = new Date('2026-11-20T09:00:00+08:00');
  it.each([
    ['2026-11-18T10:00:00+08:00', 'scheduled', 'not_started'],
    ['2026-11-20T08:59:59+08:00', 'scheduled', 'not_started'],
    ['2026-11-20T09:00:00+08:00', 'scheduled', 'in_session'],
    ['2026-11-20T18:00:00+08:00', 'scheduled', 'in_session'],
    ['2026-11-20T10:00:00+08:00', 'closed', 'closed'],
  ] as const)('at %s a %s meeting is %s', (now, status, want) => {
    expect(meetingPhase({ startsAt, status }, new Date(now))).toBe(want);
  });
});

describe('action item lifecycle', () => {
  it.each([
    ['open', 'complete', 'done'],
    ['overdue', 'complete', 'done'],
    ['done', 'complete', null],
    ['done', 'reopen', 'open'],
    ['open', 'reopen', null],
    ['open', 'mark_overdue', 'overdue'],
    ['overdue', 'mark_overdue', null],
    ['done', 'mark_overdue', null],
  ] as const)('%s --%s--> %s', (from, move, to) => {
    expect(moveActionItem(from, move)).toBe(to);
  });
  it.each([
    ['open', ['complete']],
    ['overdue', ['complete']],
    ['done', ['reopen']],
  ] as const)('a person may %s → %j', (state, moves) => {
    expect(personMoves(state)).toEqual(moves);
  });
  it.each([
    ['open', '2026-11-20', '2026-11-20', false],
    ['open', '2026-11-20', '2026-11-21', true],
    ['done', '2026-11-20', '2026-11-30', false],
    ['overdue', '2026-11-20', '2026-11-30', false],
  ] as const)('%s due %s on %s overdue → %s', (status, dueOn, today, want) => {
    expect(isOverdue({ status, dueOn }, today)).toBe(want);
  });
});
