import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { loadMeeting } from '../store.js';
import { councilMeetings } from '../tables.js';

/** Ends the meeting with its minutes; from now on its record is read-only (corrections are linked entries). */
export async function closeMeeting(a: ActionContext, opts: { meetingId: number; minutes: string }) {
  const { meeting, council } = await loadMeeting(a.tx, a.actor, opts.meetingId, { open: true });
  const [m] = await a.tx
    .update(councilMeetings)
    .set({ status: 'closed', minutes: opts.minutes, closedAt: a.now })
    .where(eq(councilMeetings.id, meeting.id))
    .returning();
  await audit(a, { resource: 'council_meeting', resourceId: m.id, action: 'close', regionPath: council.regionPath });
  return m;
}
