import { describe, expect, it } from 'vitest';
import { type DayKind, defaultTimeLimit, dueAt, localDay, makeCalendar, resolveTimeLimit, type TimeLimitRule } from './deadlines.js';

// October 2026 in China: National Day holiday Thu 1 – Wed 7 Oct, with Sat 10 Oct a working day (调休).
const exceptions = new Map<string, DayKind>([
  ['2026-10-01', 'holiday'],
  ['2026-10-02', 'holiday'],
  ['2026-10-05', 'holiday'],
  ['2026-10-06', 'holiday'],
  ['2026-10-07', 'holiday'],
  ['2026-10-10', 'workday'],
]);
const calendar = makeCalendar(exceptions);
const at = (iso: string) => new Date(iso);

describe('working-day deadlines', () => {
  it.each([
    // start (+08:00), limit, expected due (+08:00), why
    ['2026-11-23T10:00:00+08:00', 1, '2026-11-24T23:59:59.999+08:00', 'Monday + 1 working day = Tuesday'],
    ['2026-11-27T10:00:00+08:00', 1, '2026-11-30T23:59:59.999+08:00', 'Friday + 1 skips the weekend'],
    ['2026-11-28T09:00:00+08:00', 1, '2026-11-30T23:59:59.999+08:00', 'Saturday + 1 = Monday'],
    ['2026-11-23T10:00:00+08:00', 7, '2026-12-02T23:59:59.999+08:00', '7 working days span one weekend'],
    ['2026-11-23T10:00:00+08:00', 15, '2026-12-14T23:59:59.999+08:00', '15 working days span three weekends'],
    ['2026-09-30T10:00:00+08:00', 1, '2026-10-08T23:59:59.999+08:00', 'the National Day holiday is skipped'],
    ['2026-09-30T10:00:00+08:00', 3, '2026-10-10T23:59:59.999+08:00', 'adjusted Saturday counts as a working day'],
    ['2026-09-30T10:00:00+08:00', 4, '2026-10-12T23:59:59.999+08:00', 'then the ordinary Sunday does not'],
    ['2026-11-23T23:30:00+08:00', 1, '2026-11-24T23:59:59.999+08:00', 'late evening is still the same local day'],
    ['2026-11-23T16:30:00Z', 1, '2026-11-25T23:59:59.999+08:00', '16:30 UTC is 00:30 next local day'],
  ])('%s + %i working days → %s (%s)', (start, days, expected) => {
    expect(dueAt(at(start), { amount: days, unit: 'workdays' }, calendar).toISOString()).toBe(at(expected).toISOString());
  });

  it('counts natural hours through nights and holidays', () => {
    expect(dueAt(at('2026-10-01T22:00:00+08:00'), { amount: 2, unit: 'hours' }, calendar).toISOString()).toBe(
      at('2026-10-02T00:00:00+08:00').toISOString(),
    );
    expect(dueAt(at('2026-10-01T22:00:00+08:00'), { amount: 30, unit: 'minutes' }, calendar).toISOString()).toBe(
      at('2026-10-01T22:30:00+08:00').toISOString(),
    );
  });

  it('reads local days in UTC+8', () => {
    expect(localDay(at('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(localDay(at('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('refuses a calendar with no working day ahead', () => {
    const never = { isWorkday: () => false };
    expect(() => dueAt(at('2026-11-23T10:00:00+08:00'), { amount: 1, unit: 'workdays' }, never)).toThrow(/no working days/);
  });
});

describe('time limits', () => {
  it.each([
    ['reply', 'emergency', false, false, { amount: 2, unit: 'hours' }],
    ['reply', 'normal', false, true, { amount: 24, unit: 'hours' }],
    ['reply', 'normal', false, false, { amount: 7, unit: 'workdays' }],
    ['reply', 'normal', true, false, { amount: 15, unit: 'workdays' }],
    ['callback', 'normal', false, false, { amount: 2, unit: 'workdays' }],
    ['dispatch', 'emergency', false, false, { amount: 15, unit: 'minutes' }],
  ] as const)('default %s for %s complex=%s utility=%s', (stage, urgency, complex, utility, expected) => {
    expect(defaultTimeLimit(stage, { urgency, complex, utility })).toEqual(expected);
  });

  const rules: TimeLimitRule[] = [
    { stage: 'reply', categoryId: 1, urgency: null, amount: 5, unit: 'workdays' },
    { stage: 'reply', categoryId: 2, urgency: null, amount: 3, unit: 'workdays' },
    { stage: 'reply', categoryId: 1, urgency: 'complex', amount: 20, unit: 'workdays' },
    { stage: 'reply', categoryId: null, urgency: 'emergency', amount: 1, unit: 'hours' },
  ];
  it.each([
    [[1, 2, 3], false, 'normal', { amount: 3, unit: 'workdays' }, 'deepest category wins'],
    [[1, 9], false, 'normal', { amount: 5, unit: 'workdays' }, 'ancestor rule applies'],
    [[1, 9], true, 'normal', { amount: 20, unit: 'workdays' }, 'urgency makes a rule more specific'],
    [[7], false, 'emergency', { amount: 1, unit: 'hours' }, 'category-free rule'],
    [[7], false, 'normal', { amount: 7, unit: 'workdays' }, 'no rule: built-in norm'],
  ] as const)('ancestry %j complex=%s %s → %j (%s)', (ancestry, complex, urgency, expected, _why) => {
    expect(resolveTimeLimit('reply', { urgency, complex, utility: false }, [...ancestry], rules)).toEqual(expected);
  });
});
