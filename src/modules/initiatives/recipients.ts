import type { DemandState } from '../demands/index.js';

export type Member = { demandId: number; state: DemandState; unitId: number | null; removed: boolean };
export type SkipReason = 'removed' | 'other_unit' | 'answered' | 'finished';
export type Planned = { demandId: number; outcome: 'reply' | 'skip'; state: DemandState; why: SkipReason | null };

/** What happens to a demand in the unit's collective answer: it is answered, or left alone and why. */
const byState: Record<DemandState, (m: Member, unitId: number) => SkipReason | null> = {
  registered: () => null,
  returned: () => null,
  // A demand already with another unit is left to it, not answered for it.
  dispatched: (m, unitId) => (m.unitId === unitId ? null : 'other_unit'),
  acknowledged: (m, unitId) => (m.unitId === unitId ? null : 'other_unit'),
  // A second answer reaches only those still waiting: a replied resident is not answered twice.
  replied: () => 'answered',
  callback_done: () => 'answered',
  closed: () => 'answered',
  declined: () => 'finished',
  withdrawn: () => 'finished',
  merged: () => 'finished',
};

/** Who a collective answer would reach: the members still in the initiative and still waiting. */
export function planAnswer(unitId: number, members: Member[]): Planned[] {
  return members.map((m) => {
    const why = m.removed ? 'removed' : byState[m.state](m, unitId);
    return { demandId: m.demandId, outcome: why ? 'skip' : 'reply', state: m.state, why };
  });
}
