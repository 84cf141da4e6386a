import type { AppContext } from '../../../lib/context.js';
import type { UserActor } from '../../accounts/actor.js';
import { loadMeeting } from '../store.js';
import { meetingCorrections } from '../tables.js';

/** A correction to a closed meeting's record: a new entry, the original stays as it was. */
export async function addCorrection(ctx: AppContext, opts: { actor: UserActor; meetingId: number; body: string }) {
  const { meeting } = await loadMeeting(ctx.db, opts.actor, opts.meetingId);
  const [c] = await ctx.db.insert(meetingCorrections).values({ meetingId: meeting.id, body: opts.body, createdBy: opts.actor.userId, createdAt: ctx.now() }).returning();
  return c;
}
