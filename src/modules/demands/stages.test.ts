import { describe, expect, it } from 'vitest';
import { mayPutUnderSupervision, runningStep, unitHeldStates, unitHoldsStep } from './stages.js';
import { demandStates } from './tables.js';

describe('whose step it is, state by state', () => {
  // state, the deadline that runs, whether the unit holds it, whether a new 督办 may be raised
  const table = [
    ['registered', 'dispatch', false, true],
    ['returned', 'dispatch', false, true],
    ['dispatched', 'acknowledge', true, true],
    ['acknowledged', 'reply', true, true],
    ['replied', 'callback', false, false],
    ['callback_done', null, false, false],
    ['closed', null, false, false],
    ['declined', null, false, false],
    ['withdrawn', null, false, false],
    ['merged', null, false, false],
  ] as const;

  it('covers every state', () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...demandStates].sort());
  });

  it.each(table)('%s runs %s; unit holds it: %s; 督办 may start: %s', (state, step, unit, card) => {
    expect(runningStep(state)).toBe(step);
    expect(unitHoldsStep(state)).toBe(unit);
    expect(mayPutUnderSupervision(state)).toBe(card);
  });

  it('lets the rules escalate only what a unit holds', () => {
    expect([...unitHeldStates].sort()).toEqual(['acknowledged', 'dispatched']);
  });
});
