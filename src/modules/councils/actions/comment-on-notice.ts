import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import { localDay } from '../../calendar/deadlines.js';
import { noticeComments, resolutions } from '../tables.js';

/** A resident's comment on a resolution under public notice (公示), accepted until the notice ends. */
export async function commentOnNotice(ctx: AppContext, opts: { resolutionId: number; name?: string | null; body: string }) {
  const [r] = await ctx.db.select().from(resolutions).where(eq(resolutions.id, opts.resolutionId));
  if (!r) throw new AppError('not_found');
  if (localDay(ctx.now()) > r.noticeUntil) throw new AppError('council.notice_closed', { details: { noticeUntil: r.noticeUntil } });
  const [c] = await ctx.db.insert(noticeComments).values({ resolutionId: r.id, name: opts.name?.trim() || null, body: opts.body, createdAt: ctx.now() }).returning();
  return c;
}
