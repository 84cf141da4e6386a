import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import type { UserActor } from '../../accounts/actor.js';
import { registerDemand, type RegisterDemandOptions, type RegisterDemandResult } from '../../demands/actions/register-demand.js';
import { receptionDays, receptionEntries } from '../tables.js';

export type RecordReceptionEntryOptions = Omit<RegisterDemandOptions, 'channel' | 'actor'> & { actor: UserActor; receptionDayId: number; idempotencyKey: string };

/**
 * One resident's demand taken at the table: a demand on the "reception day" channel, linked to
 * the session. The tablet may send it twice (a dropped answer, a queue replayed after the
 * network returns): the idempotency key makes the second send find the first demand, and the
 * link is written again harmlessly — so a retry also heals a link a crash may have left out.
 */
export async function recordReceptionEntry(ctx: AppContext, opts: RecordReceptionEntryOptions): Promise<RegisterDemandResult> {
  const [session] = await ctx.db.select().from(receptionDays).where(eq(receptionDays.id, opts.receptionDayId));
  if (!session) throw new AppError('not_found', { details: { receptionDayId: opts.receptionDayId } });
  const { receptionDayId, ...demand } = opts;
  const result = await registerDemand(ctx, { ...demand, channel: 'reception_day' });
  await ctx.db.insert(receptionEntries).values({ receptionDayId, demandId: result.demand.id }).onConflictDoNothing();
  return result;
}
