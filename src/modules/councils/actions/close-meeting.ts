import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import type { UserActor } from '../../accounts/actor.js';
import { loadMeeting } from '../store.js';
import { councilMeetings } from '../tables.js';

/** Ends the meeting with its minutes; from now on its record is read-only (corrections are linked entries). */
export async function closeMeeting(ctx: AppContext, opts: { actor: UserActor; meetingId: number; minutes: string }) {
  const { meeting } = await loadMeeting(ctx.db, opts.actor, opts.meetingId, { open: true });
  const [m] = await ctx.db.update(councilMeetings).set({ status: 'closed', minutes: opts.minutes, closedAt: ctx.now() }).where(eq(councilMeetings.id, meeting.id)).returning();
  return m;
}
