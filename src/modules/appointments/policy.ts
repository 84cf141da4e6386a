import type { AppointeeStep } from './lifecycle.js';

/**
 * Parts in a programme: the district's organisers (operators and supervisors of the programme's
 * region), the township's organisers of a post (who nominate and keep the work log), and the
 * supporting official paired with an appointee (who logs the pairing meetings).
 */
export type AppointmentPart = 'organiser' | 'township' | 'support';

export const appointmentWhoMay = {
  review: ['organiser'],
  appoint: ['organiser'],
  pair: ['organiser', 'township'],
  log: ['organiser', 'township', 'support'],
  renew: ['organiser'],
  dismiss: ['organiser'],
} as const satisfies Record<AppointeeStep, readonly AppointmentPart[]>;

export const appointmentPartMay = (step: AppointeeStep, parts: ReadonlySet<AppointmentPart>) =>
  (appointmentWhoMay[step] as readonly AppointmentPart[]).some((p) => parts.has(p));
