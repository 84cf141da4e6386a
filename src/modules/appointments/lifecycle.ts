import type { AppointeeState } from './tables.js';

/** Which step each appointee state allows, as data: nominated → reviewed → appointed → (renewed, dismissed). */
export const appointeeSteps = {
  review: ['nominated'],
  appoint: ['approved'],
  pair: ['appointed'],
  log: ['appointed'],
  renew: ['appointed'],
  dismiss: ['appointed'],
} as const satisfies Record<string, readonly AppointeeState[]>;

export type AppointeeStep = keyof typeof appointeeSteps;
export const appointeeStepAllowed = (step: AppointeeStep, state: AppointeeState) =>
  (appointeeSteps[step] as readonly AppointeeState[]).includes(state);
