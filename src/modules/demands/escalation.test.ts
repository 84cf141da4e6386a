import { describe, expect, it } from 'vitest';
import { type EscalationRule, escalationFor, higherLevel } from './escalation.js';

const rules: EscalationRule[] = [
  { overdueDays: 1, level: 'township' },
  { overdueDays: 3, level: 'district' },
];
const day = 86_400_000;

describe('escalation by rule', () => {
  it.each([
    ['not overdue', -day, null, null],
    ['overdue by an hour', day / 24, null, null],
    ['a day overdue → township', day, null, 'township'],
    ['two days, already township', 2 * day, 'township', null],
    ['three days → district', 3 * day, null, 'district'],
    ['three days from township → district', 3 * day, 'township', 'district'],
    ['five days, already district', 5 * day, 'district', null],
    ['a day, already district by hand: never lowered', day, 'district', null],
  ] as const)('%s', (_, overdue, current, want) => {
    expect(escalationFor(overdue, current, rules)?.level ?? null).toBe(want);
  });

  it('takes no rules as no escalation', () => {
    expect(escalationFor(10 * day, null, [])).toBeNull();
  });

  it.each([
    [null, null, null],
    ['township', null, 'township'],
    [null, 'district', 'district'],
    ['district', 'township', 'district'],
  ] as const)('higher of %s and %s is %s', (a, b, want) => {
    expect(higherLevel(a, b)).toBe(want);
  });
});
