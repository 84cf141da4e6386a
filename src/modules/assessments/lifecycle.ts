import type { AssessmentState } from './tables.js';

/**
 * What can be done in which state, as data. Setting up (subjects, sample, panel) happens in draft;
 * scores and consultations only while the round is open; a closed round is locked; rectification
 * follows failures whenever they are known.
 */
export const assessmentSteps = {
  setup: ['draft'],
  open: ['draft'],
  report: ['draft', 'open'],
  score: ['open'],
  consult: ['open'],
  decide: ['open'],
  close: ['open'],
  publish: ['closed'],
  rectify: ['open', 'closed', 'published'],
} as const satisfies Record<string, readonly AssessmentState[]>;

export type AssessmentStep = keyof typeof assessmentSteps;

export const stepAllowedIn = (step: AssessmentStep, state: AssessmentState) =>
  (assessmentSteps[step] as readonly AssessmentState[]).includes(state);

/** Where each state-changing step leaves the round. */
export const transitions = { open: 'open', close: 'closed', publish: 'published' } as const satisfies Partial<
  Record<AssessmentStep, AssessmentState>
>;
