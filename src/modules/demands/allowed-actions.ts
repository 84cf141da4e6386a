import type { Actor } from '../../kernel/index.js';
import { type DemandAction, nextState } from './lifecycle.js';
import { type DemandScope, mayAct } from './policy.js';
import { mayPutUnderSupervision, unitHoldsStep } from './stages.js';
import type { DemandState, DemandType, Satisfaction } from './tables.js';

/** What the rules need to know of a demand to say which actions its caller may take now. */
export type ActionableDemand = DemandScope & {
  state: DemandState;
  type: DemandType;
  satisfaction: Satisfaction | null;
  solved: boolean | null;
  extensionPending: boolean;
  supervised: boolean;
  /** For a merged demand: whether the demand handled for both has been answered. */
  survivorAnswered?: boolean;
};

const waitingForAssists = (d: Pick<ActionableDemand, 'assists'>) => (d.assists ?? []).some((a) => !a.contributed);

/** Conditions beyond role and state, each the same check its action makes when it runs. */
const extraConditions: Partial<Record<DemandAction, (d: ActionableDemand) => boolean>> = {
  answer_directly: (d) => d.type === 'consultation' || d.type === 'help',
  reopen: (d) => d.satisfaction === 'unsatisfied' || d.solved === false,
  request_extension: (d) => !d.extensionPending,
  decide_extension: (d) => d.extensionPending,
  // The lead answers once every assisting unit has sent its part.
  reply: (d) => !waitingForAssists(d),
  assist_acknowledge: (d) => (d.assists ?? []).some((a) => !a.acknowledged),
  contribute: (d) => (d.assists ?? []).some((a) => a.acknowledged && !a.contributed),
  end_assist: (d) => waitingForAssists(d),
  request_transfer: (d) => !d.transferToUnitId,
  accept_transfer: (d) => Boolean(d.transferToUnitId),
  decline_transfer: (d) => Boolean(d.transferToUnitId),
  // Lifting is always possible; a new card or a chase only reaches a unit that still holds the step.
  supervise: (d) => d.supervised || mayPutUnderSupervision(d.state),
  remind: (d) => d.supervised && unitHoldsStep(d.state),
  rate_merged: (d) => d.satisfaction === null && d.survivorAnswered === true,
};

/** Why the lead may not reply yet, as the reply action says it. */
export const replyBlocked = waitingForAssists;

/** The order buttons appear in: the next step of the loop first, the exceptional ones last. */
export const offeredOrder: readonly DemandAction[] = [
  'dispatch',
  'acknowledge',
  'accept_transfer',
  'decline_transfer',
  'assist_acknowledge',
  'contribute',
  'reply',
  'answer_directly',
  'record_callback',
  'rate_merged',
  'callback_attempt',
  'close',
  'reopen',
  'decide_extension',
  'request_extension',
  'end_assist',
  'request_transfer',
  'return',
  'supervise',
  'remind',
  'merge',
  'decline',
  'withdraw',
];

/**
 * The actions the caller may take on the demand now: allowed by the lifecycle from its state, by
 * the policy for the caller's roles, and by the action's own conditions. The console shows
 * exactly these; the server checks again when one is taken.
 */
export function allowedActions(actor: Actor, d: ActionableDemand): DemandAction[] {
  return offeredOrder.filter(
    (action) => nextState(action, d.state) !== null && mayAct(actor, action, d) && (extraConditions[action]?.(d) ?? true),
  );
}
