import type { DemandState } from './tables.js';

export const demandActions = [
  'register',
  'dispatch',
  'acknowledge',
  'return',
  'reply',
  'answer_directly',
  'record_callback',
  'close',
  'reopen',
  'merge',
  'decline',
  'withdraw',
  'request_extension',
  'decide_extension',
  'supervise',
  'remind',
  'escalate',
  'assist_acknowledge',
  'contribute',
  'end_assist',
  'request_transfer',
  'accept_transfer',
  'decline_transfer',
  'callback_attempt',
  'rate_merged',
] as const;
export type DemandAction = (typeof demandActions)[number];

type Transition = { from: readonly DemandState[]; to: DemandState | 'same' };

/** The states of a demand still being worked on. */
export const openStates: readonly DemandState[] = ['registered', 'dispatched', 'acknowledged', 'returned', 'replied', 'callback_done'];
const open = openStates;

/** The lifecycle: from which states each action may be taken and where it leads. */
export const transitions: Record<DemandAction, Transition> = {
  register: { from: [], to: 'registered' },
  dispatch: { from: ['registered', 'returned'], to: 'dispatched' },
  acknowledge: { from: ['dispatched'], to: 'acknowledged' },
  return: { from: ['dispatched', 'acknowledged'], to: 'returned' },
  reply: { from: ['acknowledged'], to: 'replied' },
  answer_directly: { from: ['registered'], to: 'replied' },
  record_callback: { from: ['replied'], to: 'callback_done' },
  close: { from: ['callback_done'], to: 'closed' },
  reopen: { from: ['callback_done'], to: 'dispatched' },
  merge: { from: ['registered', 'returned', 'dispatched', 'acknowledged'], to: 'merged' },
  decline: { from: ['registered', 'returned'], to: 'declined' },
  withdraw: { from: ['registered', 'returned', 'dispatched', 'acknowledged'], to: 'withdrawn' },
  request_extension: { from: ['acknowledged'], to: 'same' },
  decide_extension: { from: ['dispatched', 'acknowledged'], to: 'same' },
  supervise: { from: open, to: 'same' },
  remind: { from: open, to: 'same' },
  escalate: { from: open, to: 'same' },
  assist_acknowledge: { from: ['dispatched', 'acknowledged'], to: 'same' },
  contribute: { from: ['dispatched', 'acknowledged'], to: 'same' },
  end_assist: { from: ['dispatched', 'acknowledged'], to: 'same' },
  request_transfer: { from: ['dispatched', 'acknowledged'], to: 'same' },
  // The receiving unit starts afresh: it signs for the demand under its own deadline.
  accept_transfer: { from: ['dispatched', 'acknowledged'], to: 'dispatched' },
  decline_transfer: { from: ['dispatched', 'acknowledged'], to: 'same' },
  callback_attempt: { from: ['replied'], to: 'same' },
  // A merged demand's resident rates the answer the demand handled for both gave (回访 of the merged).
  rate_merged: { from: ['merged'], to: 'same' },
};

/** The state an action leads to from `state`, or null when the lifecycle forbids it. */
export function nextState(action: DemandAction, state: DemandState): DemandState | null {
  const t = transitions[action];
  if (!t.from.includes(state)) return null;
  return t.to === 'same' ? state : t.to;
}

export const terminalStates: readonly DemandState[] = ['closed', 'declined', 'withdrawn', 'merged'];
export const isTerminal = (state: DemandState) => terminalStates.includes(state);

/** Actions that must say why (退单, 不予受理, 重办, 延期, 督办, 转办 and its refusal). */
export const reasonRequired: ReadonlySet<DemandAction> = new Set([
  'return',
  'decline',
  'reopen',
  'request_extension',
  'supervise',
  'request_transfer',
  'decline_transfer',
  'end_assist',
]);
