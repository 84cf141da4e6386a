import type { DeadlineStage } from '../calendar/index.js';
import type { DemandState } from './tables.js';

/**
 * Whose move it is in each state and which deadline runs (stage_due_at is always that step's):
 * a demand waiting to be routed runs the centre's 派单 clock, one with a unit its 签收 then 答复
 * clock, an answered one the centre's 回访 clock. A card (督办, 催办, escalation by rule) goes to
 * the unit only while the unit holds the step: once it has replied the lateness is no longer its.
 */
export type Stage = { step: DeadlineStage; holder: 'centre' | 'unit' };

export const stages: Record<DemandState, Stage | null> = {
  registered: { step: 'dispatch', holder: 'centre' },
  returned: { step: 'dispatch', holder: 'centre' },
  dispatched: { step: 'acknowledge', holder: 'unit' },
  acknowledged: { step: 'reply', holder: 'unit' },
  replied: { step: 'callback', holder: 'centre' },
  // Called back: closing has no time limit of its own.
  callback_done: null,
  closed: null,
  declined: null,
  withdrawn: null,
  merged: null,
};

/** The step whose deadline a demand in `state` is running against, or null. */
export const runningStep = (state: DemandState): DeadlineStage | null => stages[state]?.step ?? null;

/** Whether the unit holds the demand's current step, so a 督办 or 催办 may go to it. */
export const unitHoldsStep = (state: DemandState): boolean => stages[state]?.holder === 'unit';

/** The states in which the escalation rules may raise a card against the unit. */
export const unitHeldStates: readonly DemandState[] = (Object.keys(stages) as DemandState[]).filter(unitHoldsStep);

/**
 * Whether a supervisor may put the demand under 督办 now: while it waits to be routed (the
 * centre is pressed) or while a unit holds it — never once the unit has replied.
 */
export const mayPutUnderSupervision = (state: DemandState): boolean => stages[state] !== null && stages[state].step !== 'callback';
