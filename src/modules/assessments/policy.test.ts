import { describe, expect, it } from 'vitest';
import { type AssessmentStep, assessmentSteps, stepAllowedIn } from './lifecycle.js';
import { type Part, partMay } from './policy.js';
import { assessmentStates } from './tables.js';

const parts: Part[] = ['organiser', 'chair', 'assessor', 'expert', 'assessed'];
const may: Record<AssessmentStep, Part[]> = {
  setup: ['organiser'],
  open: ['organiser'],
  report: ['organiser', 'chair', 'assessor', 'assessed'],
  score: ['chair', 'assessor'],
  consult: ['organiser', 'chair', 'assessor'],
  decide: ['expert'],
  close: ['organiser', 'chair'],
  publish: ['organiser'],
  rectify: ['organiser'],
};
const when: Record<AssessmentStep, string[]> = {
  setup: ['draft'],
  open: ['draft'],
  report: ['draft', 'open'],
  score: ['open'],
  consult: ['open'],
  decide: ['open'],
  close: ['open'],
  publish: ['closed'],
  rectify: ['open', 'closed', 'published'],
};

describe('assessment policy: every step × part', () => {
  const cases = (Object.keys(assessmentSteps) as AssessmentStep[]).flatMap((step) =>
    parts.map((p) => [step, p, may[step].includes(p)] as const),
  );
  it.each(cases)('%s by %s → %s', (step, part, want) => expect(partMay(step, new Set([part]))).toBe(want));
});

describe('assessment lifecycle: every step × state', () => {
  const cases = (Object.keys(assessmentSteps) as AssessmentStep[]).flatMap((step) =>
    assessmentStates.map((state) => [step, state, when[step].includes(state)] as const),
  );
  it.each(cases)('%s in %s → %s', (step, state, want) => expect(stepAllowedIn(step, state)).toBe(want));
});
