import { z } from '@hono/zod-openapi';
import { instant, isoDay, requiredText, text } from '../../http/schemas.js';
import { actionItemStates, parties } from './tables.js';

const day = isoDay();
const voteRules = ['majority_present', 'majority_seats', 'two_thirds_present'] as const;

export const CreateCouncilBody = z
  .object({
    regionId: z.number().int().positive().max(2_147_483_647),
    name: requiredText(100),
    quorumPercent: z.number().int().min(1).max(99).optional(),
    voteRule: z.enum(voteRules).optional(),
    seats: z
      .array(
        z
          .object({
            party: z.enum(parties),
            holderName: requiredText(50),
            userId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
            /** Where the holder hears of meetings by SMS (otherwise their account's phone). */
            phone: z
              .string()
              .trim()
              .regex(/^\+?[\d\s-]{5,20}$/, { message: '电话号码格式不对 / not a phone number' })
              .nullable()
              .optional(),
            position: z.enum(['chair', 'secretary', 'member']).optional(),
            termStart: day,
            termEnd: day,
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const ScheduleMeetingBody = z.object({ title: requiredText(200), place: requiredText(200), startsAt: instant() }).strict();
export const AgendaItemBody = z
  .object({
    source: z.enum(['topic', 'demand', 'proposal', 'free']),
    sourceRef: text(200).optional(),
    title: requiredText(200),
    description: text(5000).optional(),
  })
  .strict();
export const AttendanceBody = z.object({ presentSeatIds: z.array(z.number().int().positive().max(2_147_483_647)).max(50) }).strict();
export const VotesBody = z
  .object({
    votes: z
      .array(z.object({ seatId: z.number().int().positive().max(2_147_483_647), choice: z.enum(['for', 'against', 'abstain']) }).strict())
      .max(50),
  })
  .strict();
export const ResolutionBody = z
  .object({
    text: requiredText(5000),
    noticeDays: z.number().int().min(1).max(60).optional(),
    actionItems: z
      .array(
        z
          .object({
            title: requiredText(200),
            /** The unit that owns the work. */
            ownerUnitId: z.number().int().positive().max(2_147_483_647),
            /** Optionally, a person of that unit who carries it. */
            ownerUserId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
            dueOn: day,
            demandId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
            initiativeId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export const CloseMeetingBody = z.object({ minutes: requiredText(20000) }).strict();
export const CorrectionBody = z.object({ body: requiredText(5000) }).strict();
/** done (完成) or open again (重新打开); overdue is the sweep's to set. */
export const ActionItemStatusBody = z.object({ status: z.enum(['open', 'done']) }).strict();
export const RunResult = z.object({ overdue: z.number() }).openapi('ActionItemSweep');
export const CommentBody = z.object({ name: text(50).optional(), body: requiredText(2000) }).strict();
export const RegionQuery = z.object({ regionId: z.coerce.number().int().positive().max(2_147_483_647) });

export const CouncilSummary = z
  .object({ id: z.number(), regionId: z.number(), name: z.string(), quorumPercent: z.number(), voteRule: z.enum(voteRules) })
  .openapi('CouncilSummary');

export const CouncilView = CouncilSummary.extend({
  seats: z.array(
    z.object({
      id: z.number(),
      party: z.enum(parties),
      holderName: z.string(),
      position: z.string(),
      userId: z.number().nullable(),
      termStart: z.string(),
      termEnd: z.string(),
    }),
  ),
  meetings: z.array(z.object({ id: z.number(), title: z.string(), place: z.string(), startsAt: z.string(), status: z.string() })),
}).openapi('Council');

const ActionItemView = z
  .object({
    id: z.number(),
    title: z.string(),
    /** The owner unit's name (free text on items from before owner units). */
    owner: z.string(),
    ownerUnitId: z.number().nullable(),
    ownerUserId: z.number().nullable(),
    ownerUserName: z.string().nullable(),
    dueOn: z.string(),
    status: z.enum(actionItemStates),
    doneAt: z.string().nullable(),
    demandId: z.number().nullable(),
    initiativeId: z.number().nullable(),
    /** The 督办 raised when it went overdue. */
    supervision: z.object({ reason: z.string(), createdAt: z.string() }).nullable(),
    /** What a person may do to it now. */
    actions: z.array(z.enum(['complete', 'reopen'])),
  })
  .openapi('CouncilActionItem');

export const AgendaItemView = z
  .object({
    id: z.number(),
    meetingId: z.number(),
    source: z.string(),
    sourceRef: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    outcome: z.string().nullable(),
  })
  .openapi('AgendaItem');

export const VoteResult = z
  .object({
    for: z.number(),
    against: z.number(),
    abstain: z.number(),
    present: z.number(),
    seats: z.number(),
    outcome: z.enum(['passed', 'rejected']),
  })
  .openapi('VoteResult');

export const AttendanceResult = z.object({ present: z.number(), seats: z.number() }).openapi('AttendanceResult');

export const ResolutionView = z
  .object({
    resolution: z.object({ id: z.number(), agendaItemId: z.number(), text: z.string(), noticeUntil: z.string() }),
    actionItems: z.array(ActionItemView),
  })
  .openapi('Resolution');

export const CorrectionView = z
  .object({ id: z.number(), meetingId: z.number(), body: z.string(), createdAt: z.string() })
  .openapi('MeetingCorrection');
export const CommentView = z
  .object({
    id: z.number(),
    resolutionId: z.number(),
    createdAt: z.string(),
    /** Kept by the author's browser to learn whether moderators held, hid or redacted the comment, and why. */
    authorToken: z.string(),
  })
  .openapi('NoticeCommentReceipt');
export { ActionItemView };

export const MeetingView = z
  .object({
    id: z.number(),
    councilId: z.number(),
    title: z.string(),
    place: z.string(),
    startsAt: z.string(),
    status: z.string(),
    /** Attendance and votes are taken in session only: from its start to its close. */
    phase: z.enum(['not_started', 'in_session', 'closed']),
    minutes: z.string(),
    closedAt: z.string().nullable(),
    attendance: z.array(z.object({ seatId: z.number(), present: z.boolean() })),
    agenda: z.array(
      z.object({
        id: z.number(),
        source: z.string(),
        sourceRef: z.string().nullable(),
        title: z.string(),
        description: z.string(),
        outcome: z.string().nullable(),
        votes: z.array(z.object({ seatId: z.number(), choice: z.string() })),
      }),
    ),
    resolutions: z.array(
      z.object({
        id: z.number(),
        agendaItemId: z.number(),
        text: z.string(),
        noticeUntil: z.string(),
        actionItems: z.array(ActionItemView),
      }),
    ),
    corrections: z.array(z.object({ id: z.number(), body: z.string(), createdAt: z.string() })),
  })
  .openapi('CouncilMeeting');

export const NoticeView = z
  .object({
    id: z.number(),
    council: z.string(),
    meeting: z.string(),
    meetingDate: z.string(),
    text: z.string(),
    noticeUntil: z.string(),
    open: z.boolean(),
    actionItems: z.array(
      z.object({ title: z.string(), owner: z.string(), dueOn: z.string(), status: z.enum(actionItemStates), supervised: z.boolean() }),
    ),
    /** How many of its action items are done. */
    progress: z.object({ done: z.number(), total: z.number() }),
    comments: z.array(
      z.object({
        name: z.string().nullable(),
        body: z.string(),
        hidden: z.boolean(),
        hiddenReason: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('CouncilNotice');

export const UpcomingMeetingView = z
  .object({
    id: z.number(),
    council: z.string(),
    title: z.string(),
    place: z.string(),
    startsAt: z.string(),
    /** Agenda items' titles. */
    agenda: z.array(z.string()),
  })
  .openapi('UpcomingMeeting');
