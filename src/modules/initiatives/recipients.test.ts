import { describe, expect, it } from 'vitest';
import type { DemandState } from '../demands/index.js';
import { planAnswer } from './recipients.js';

const own = 7;
const other = 8;

describe('who a collective answer reaches', () => {
  it.each<[DemandState, number | null, boolean, string]>([
    ['registered', null, false, 'reply'],
    ['returned', null, false, 'reply'],
    ['dispatched', own, false, 'reply'],
    ['acknowledged', own, false, 'reply'],
    ['dispatched', other, false, 'skip:other_unit'],
    ['acknowledged', other, false, 'skip:other_unit'],
    ['replied', own, false, 'skip:answered'],
    ['callback_done', own, false, 'skip:answered'],
    ['closed', own, false, 'skip:answered'],
    ['declined', null, false, 'skip:finished'],
    ['withdrawn', null, false, 'skip:finished'],
    ['merged', null, false, 'skip:finished'],
    ['registered', null, true, 'skip:removed'],
  ])('%s with unit %s, removed %s → %s', (state, unitId, removed, want) => {
    const [p] = planAnswer(own, [{ demandId: 1, state, unitId, removed }]);
    expect(p.outcome === 'reply' ? 'reply' : `skip:${p.why}`).toBe(want);
  });
});
