import { z } from '@hono/zod-openapi';
import { isoDay, requiredText, text } from '../../http/schemas.js';
import { programmeActionNames } from './allowed-actions.js';
import { appointeeSteps } from './lifecycle.js';
import { appointeeStates, postKinds, workKinds } from './tables.js';

const AppointeeActions = z.array(z.enum(Object.keys(appointeeSteps) as [keyof typeof appointeeSteps, ...(keyof typeof appointeeSteps)[]]));

const id = z.number().int().positive().max(2_147_483_647);
const day = isoDay();

export const ProgrammeBody = z
  .object({
    name: requiredText(100),
    regionId: id,
    postKind: z.enum(postKinds),
    rules: requiredText(20_000),
    duties: z.array(requiredText(100)).min(1).max(30),
    targets: z.array(z.object({ by: day, share: z.number().gt(0).max(1) }).strict()).max(10),
    termMonths: z.number().int().min(1).max(120),
  })
  .strict();

export const NominateBody = z
  .object({
    candidates: z
      .array(
        z
          .object({ postRegionId: id, name: requiredText(50), background: requiredText(500), nominatedBy: z.enum(['self', 'township']) })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export const ReviewBody = z.object({ approved: z.boolean(), note: text(1_000).optional() }).strict();
export const AppointBody = z.object({ appointeeIds: z.array(id).min(1).max(500), on: day, letterPrefix: requiredText(40) }).strict();
export const PairBody = z.object({ supportName: requiredText(50), supportUserId: id.nullable().optional() }).strict();
export const DismissBody = z.object({ on: day, reason: requiredText(1_000) }).strict();
export const WorkBody = z
  .object({
    kind: z.enum(workKinds),
    happenedOn: day,
    summary: requiredText(2_000),
    evidence: text(2_000).nullable().optional(),
    duty: text(100).nullable().optional(),
  })
  .strict();
export const AppointeesQuery = z.object({ state: z.enum(appointeeStates).optional() });

const Coverage = z.object({
  day: z.string(),
  posts: z.number(),
  covered: z.number(),
  share: z.number(),
  byTownship: z.array(z.object({ township: z.string(), posts: z.number(), covered: z.number(), share: z.number() })),
  uncovered: z.array(z.object({ regionId: z.number(), name: z.string(), townshipId: z.number().nullable(), township: z.string() })),
});
export const ProgrammeView = z
  .object({
    id: z.number(),
    name: z.string(),
    regionId: z.number(),
    region: z.string(),
    postKind: z.enum(postKinds),
    rules: z.string(),
    duties: z.array(z.string()),
    targets: z.array(z.object({ by: z.string(), share: z.number() })),
    termMonths: z.number(),
    counts: z.record(z.string(), z.number()),
    coverage: Coverage,
    targetStatus: z.array(
      z.object({
        by: z.string(),
        share: z.number(),
        needed: z.number(),
        covered: z.number(),
        actual: z.number(),
        state: z.enum(['met', 'missed', 'on_track', 'behind']),
        remaining: z.number(),
      }),
    ),
    monthly: z.array(z.object({ month: z.string(), share: z.number(), covered: z.number() })),
    organiser: z.boolean(),
    /** What the caller may do on the programme: nominate (for `nominatePosts`), decide appointments. */
    allowedActions: z.array(z.enum(programmeActionNames)),
    nominatePosts: z.array(z.object({ regionId: z.number(), name: z.string(), townshipId: z.number().nullable(), township: z.string() })),
  })
  .openapi('AppointmentProgramme');
export const AppointeeRow = z
  .object({
    id: z.number(),
    name: z.string(),
    background: z.string(),
    nominatedBy: z.enum(['self', 'township']),
    state: z.enum(appointeeStates),
    postRegionId: z.number(),
    post: z.string(),
    termStart: z.string().nullable(),
    termEnd: z.string().nullable(),
    letterNo: z.string().nullable(),
    supportName: z.string().nullable(),
    reviewNote: z.string().nullable(),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
    /** The steps the caller may take on this candidate or appointee now. */
    allowedActions: AppointeeActions,
  })
  .openapi('AppointeeRow');
export const AppointeeView = AppointeeRow.extend({
  programmeId: z.number(),
  programme: z.string(),
  duties: z.array(z.object({ duty: z.string(), entries: z.number() })),
  logs: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(workKinds),
      happenedOn: z.string(),
      summary: z.string(),
      evidence: z.string().nullable(),
      duty: z.string().nullable(),
    }),
  ),
  demands: z.object({ raised: z.number(), closed: z.number(), open: z.number() }),
  evaluations: z.array(
    z.object({
      assessmentId: z.number(),
      title: z.string(),
      period: z.string().nullable(),
      final: z.number().nullable(),
      maxTotal: z.number().nullable(),
      rank: z.number().nullable(),
      of: z.number(),
    }),
  ),
  parts: z.array(z.enum(['organiser', 'township', 'support'])),
}).openapi('Appointee');
export const ProgrammeSummary = z.object({ id: z.number(), name: z.string(), region: z.string(), postKind: z.enum(postKinds) });
/** The regions (district or township) in which the caller may set up a programme. */
export const ProgrammeRegion = z.object({ id: z.number(), name: z.string(), level: z.enum(['district', 'township']) });
