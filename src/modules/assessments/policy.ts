import type { AssessmentStep } from './lifecycle.js';

/**
 * A caller's parts in one assessment: the organiser (operator or supervisor of its region, or an
 * admin), its panel (chair, assessors, experts) and the assessed (handlers of a unit with a subject).
 */
export type Part = 'organiser' | 'chair' | 'assessor' | 'expert' | 'assessed';

export const whoMay = {
  setup: ['organiser'],
  open: ['organiser'],
  report: ['organiser', 'chair', 'assessor', 'assessed'],
  score: ['chair', 'assessor'],
  consult: ['organiser', 'chair', 'assessor'],
  decide: ['expert'],
  close: ['organiser', 'chair'],
  publish: ['organiser'],
  rectify: ['organiser'],
} as const satisfies Record<AssessmentStep, readonly Part[]>;

export const partMay = (step: AssessmentStep, parts: ReadonlySet<Part>) => (whoMay[step] as readonly Part[]).some((p) => parts.has(p));

/** Which report kinds each part files: units report on themselves, panels comment and find. */
export const reportKindsFor = {
  organiser: ['self_inspection', 'on_site', 'written', 'comment', 'finding', 'suggestion'],
  chair: ['comment', 'finding', 'suggestion'],
  assessor: ['comment', 'finding', 'suggestion'],
  assessed: ['self_inspection', 'on_site', 'written'],
  expert: [],
} as const satisfies Record<Part, readonly string[]>;
