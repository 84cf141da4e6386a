import { eq } from 'drizzle-orm';
import { type ActionContext, audit, enqueueSms, staffActor } from '../../../kernel/index.js';
import { chinaOffsetMs } from '../../../lib/china-time.js';
import { userPhoneOf } from '../../accounts/index.js';
import { localDay } from '../../calendar/index.js';
import { loadCouncil } from '../store.js';
import { councilMeetings, councilSeats } from '../tables.js';

export type ScheduleMeetingOptions = { councilId: number; title: string; place: string; startsAt: Date };

/** "11月20日 09:00" in the district's time, as a text message says it. */
export function meetingTimeText(at: Date): string {
  const local = new Date(at.getTime() + chinaOffsetMs).toISOString();
  const [, month, day] = localDay(at).split('-').map(Number);
  return `${month}月${day}日 ${local.slice(11, 16)}`;
}

/**
 * Schedules a meeting and announces it: every seat holder whose term covers the day and who has a phone (their own, or
 * their account's) gets an SMS, written to the outbox in the meeting's transaction.
 */
export async function scheduleMeeting(a: ActionContext, opts: ScheduleMeetingOptions) {
  const council = await loadCouncil(a.tx, a.actor, opts.councilId);
  const [m] = await a.tx
    .insert(councilMeetings)
    .values({
      councilId: council.id,
      title: opts.title,
      place: opts.place,
      startsAt: opts.startsAt,
      createdBy: staffActor(a.actor).userId,
      createdAt: a.now,
    })
    .returning();
  const day = localDay(m.startsAt);
  const holders = await a.tx
    .select({
      seatPhone: councilSeats.phone,
      userPhone: userPhoneOf(councilSeats.userId),
      termStart: councilSeats.termStart,
      termEnd: councilSeats.termEnd,
    })
    .from(councilSeats)
    .where(eq(councilSeats.councilId, council.id));
  const phones = new Set(
    holders.filter((h) => h.termStart <= day && day <= h.termEnd).flatMap((h) => (h.seatPhone ?? h.userPhone ?? '').trim() || []),
  );
  const params = { council: council.name, time: meetingTimeText(m.startsAt), place: m.place, title: m.title };
  for (const to of phones) await enqueueSms(a, { to, template: 'meeting_scheduled', params });
  await audit(a, {
    resource: 'council_meeting',
    resourceId: m.id,
    action: 'schedule',
    regionPath: council.regionPath,
    data: { councilId: council.id, title: m.title, startsAt: m.startsAt.toISOString(), announced: phones.size },
  });
  return m;
}
