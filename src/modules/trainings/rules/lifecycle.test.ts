import { describe, expect, it } from 'vitest';
import { enrolmentAllows, enrolmentStatesAllowing, planAllows } from './lifecycle.js';

describe('what a training plan allows in each state', () => {
  it.each([
    ['draft', 'review', true],
    ['draft', 'add_course', true],
    ['returned', 'review', true],
    ['returned', 'add_course', true],
    ['approved', 'review', false],
    ['approved', 'add_course', false],
  ] as const)('%s: %s → %s', (state, action, want) => expect(planAllows(state, action)).toBe(want));
});

describe('what an enrolment allows in each state', () => {
  it.each([
    ['enrolled', 'cancel', true],
    ['enrolled', 'attend', true],
    ['waitlisted', 'cancel', true],
    ['waitlisted', 'attend', false],
    ['cancelled', 'cancel', false],
    ['cancelled', 'attend', false],
  ] as const)('%s: %s → %s', (state, action, want) => expect(enrolmentAllows(state, action)).toBe(want));
});

describe('the states a query picks for an action', () => {
  it('takes the roll of those holding a place only', () => {
    expect(enrolmentStatesAllowing('attend')).toEqual(['enrolled']);
    expect(enrolmentStatesAllowing('cancel')).toEqual(['enrolled', 'waitlisted']);
  });
});
