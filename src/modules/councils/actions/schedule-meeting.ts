import type { AppContext } from '../../../lib/context.js';
import type { UserActor } from '../../accounts/actor.js';
import { loadCouncil } from '../store.js';
import { councilMeetings } from '../tables.js';

export type ScheduleMeetingOptions = { actor: UserActor; councilId: number; title: string; place: string; startsAt: Date };

export async function scheduleMeeting(ctx: AppContext, opts: ScheduleMeetingOptions) {
  const council = await loadCouncil(ctx.db, opts.actor, opts.councilId);
  const [m] = await ctx.db
    .insert(councilMeetings)
    .values({ councilId: council.id, title: opts.title, place: opts.place, startsAt: opts.startsAt, createdBy: opts.actor.userId, createdAt: ctx.now() })
    .returning();
  return m;
}
