import { type Actor, actorUserId, organisesIn } from '../../kernel/index.js';
import { type AppointeeStep, appointeeStepAllowed, appointeeSteps } from './lifecycle.js';
import { type AppointmentPart, appointmentPartMay } from './policy.js';
import type { AppointeeState } from './tables.js';

/** The caller's parts in one appointee: the same reckoning `loadAppointee` guards each step with. */
export function appointeeParts(
  actor: Actor,
  a: { programmeOrganiser: boolean; postPath: string; supportUserId: number | null },
): Set<AppointmentPart> {
  const parts = new Set<AppointmentPart>();
  if (a.programmeOrganiser) parts.add('organiser');
  if (organisesIn(actor, a.postPath)) parts.add('township');
  if (a.supportUserId !== null && a.supportUserId === actorUserId(actor)) parts.add('support');
  return parts;
}

/** The steps the caller may take on an appointee now: allowed to their parts and open in its state. */
export function allowedAppointeeActions(parts: ReadonlySet<AppointmentPart>, state: AppointeeState): AppointeeStep[] {
  return (Object.keys(appointeeSteps) as AppointeeStep[]).filter((s) => appointmentPartMay(s, parts) && appointeeStepAllowed(s, state));
}

export const programmeActionNames = ['nominate', 'appoint'] as const;
export type ProgrammeAction = (typeof programmeActionNames)[number];

/**
 * What the caller may do on the programme itself, as `nominate` and `appointCandidates` check it: its organisers
 * nominate for any post and decide appointments; a township's organisers nominate for the posts in their township.
 */
export function programmeActions(organiser: boolean, nominatePosts: number): ProgrammeAction[] {
  const out: ProgrammeAction[] = [];
  if (organiser || nominatePosts > 0) out.push('nominate');
  if (organiser) out.push('appoint');
  return out;
}
