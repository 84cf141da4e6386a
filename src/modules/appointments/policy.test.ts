import { describe, expect, it } from 'vitest';
import { type AppointeeStep, appointeeStepAllowed, appointeeSteps } from './lifecycle.js';
import { type AppointmentPart, appointmentPartMay } from './policy.js';
import { appointeeStates } from './tables.js';

const parts: AppointmentPart[] = ['organiser', 'township', 'support'];
const may: Record<AppointeeStep, AppointmentPart[]> = {
  review: ['organiser'],
  appoint: ['organiser'],
  pair: ['organiser', 'township'],
  log: ['organiser', 'township', 'support'],
  renew: ['organiser'],
  dismiss: ['organiser'],
};
const when: Record<AppointeeStep, string[]> = {
  review: ['nominated'],
  appoint: ['approved'],
  pair: ['appointed'],
  log: ['appointed'],
  renew: ['appointed'],
  dismiss: ['appointed'],
};
const steps = Object.keys(appointeeSteps) as AppointeeStep[];

describe('appointments: step × part', () => {
  it.each(steps.flatMap((s) => parts.map((p) => [s, p, may[s].includes(p)] as const)))('%s by %s → %s', (step, part, want) =>
    expect(appointmentPartMay(step, new Set([part]))).toBe(want),
  );
});
describe('appointments: step × state', () => {
  it.each(steps.flatMap((s) => appointeeStates.map((st) => [s, st, when[s].includes(st)] as const)))(
    '%s when %s → %s',
    (step, state, want) => expect(appointeeStepAllowed(step, state)).toBe(want),
  );
});
