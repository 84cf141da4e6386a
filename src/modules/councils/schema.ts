import { z } from '@hono/zod-openapi';
import { parties } from './tables.js';

export const CouncilView = z
  .object({
    id: z.number(),
    regionId: z.number(),
    name: z.string(),
    quorumPercent: z.number(),
    voteRule: z.enum(['majority_present', 'majority_seats', 'two_thirds_present']),
    seats: z.array(z.object({ id: z.number(), party: z.enum(parties), holderName: z.string(), position: z.string(), userId: z.number().nullable(), termStart: z.string(), termEnd: z.string() })),
    meetings: z.array(z.object({ id: z.number(), title: z.string(), place: z.string(), startsAt: z.string(), status: z.string() })),
  })
  .openapi('Council');

const ActionItemView = z.object({ id: z.number(), title: z.string(), owner: z.string(), dueOn: z.string(), status: z.string(), demandId: z.number().nullable(), initiativeId: z.number().nullable() });

export const MeetingView = z
  .object({
    id: z.number(),
    councilId: z.number(),
    title: z.string(),
    place: z.string(),
    startsAt: z.string(),
    status: z.string(),
    minutes: z.string(),
    closedAt: z.string().nullable(),
    attendance: z.array(z.object({ seatId: z.number(), present: z.boolean() })),
    agenda: z.array(
      z.object({ id: z.number(), source: z.string(), sourceRef: z.string().nullable(), title: z.string(), description: z.string(), outcome: z.string().nullable(), votes: z.array(z.object({ seatId: z.number(), choice: z.string() })) }),
    ),
    resolutions: z.array(z.object({ id: z.number(), agendaItemId: z.number(), text: z.string(), noticeUntil: z.string(), actionItems: z.array(ActionItemView) })),
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
    actionItems: z.array(z.object({ title: z.string(), owner: z.string(), dueOn: z.string(), status: z.string() })),
    comments: z.array(z.object({ name: z.string().nullable(), body: z.string(), createdAt: z.string() })),
  })
  .openapi('CouncilNotice');
