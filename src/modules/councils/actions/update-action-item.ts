import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import type { UserActor } from '../../accounts/actor.js';
import { loadMeeting } from '../store.js';
import { actionItems, resolutions } from '../tables.js';

/** Progress on an action item is tracked after the meeting too: it is the work, not the record. */
export async function updateActionItem(ctx: AppContext, opts: { actor: UserActor; actionItemId: number; status: 'open' | 'in_progress' | 'done' }) {
  const [row] = await ctx.db.select({ a: actionItems, meetingId: resolutions.meetingId }).from(actionItems).innerJoin(resolutions, eq(resolutions.id, actionItems.resolutionId)).where(eq(actionItems.id, opts.actionItemId));
  if (!row) throw new AppError('not_found');
  await loadMeeting(ctx.db, opts.actor, row.meetingId);
  const [a] = await ctx.db.update(actionItems).set({ status: opts.status, updatedAt: ctx.now() }).where(eq(actionItems.id, row.a.id)).returning();
  return a;
}
