import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { localDay } from '../../calendar/index.js';
import { noticeComments, resolutions } from '../tables.js';

/** A resident's comment on a resolution under public notice (公示), accepted until the notice ends. */
export async function commentOnNotice(a: ActionContext, opts: { resolutionId: number; name?: string | null; body: string }) {
  const [r] = await a.tx.select().from(resolutions).where(eq(resolutions.id, opts.resolutionId));
  if (!r) throw new AppError('not_found');
  if (localDay(a.now) > r.noticeUntil) throw new AppError('council.notice_closed', { details: { noticeUntil: r.noticeUntil } });
  const [c] = await a.tx
    .insert(noticeComments)
    .values({ resolutionId: r.id, name: opts.name?.trim() || null, body: opts.body, createdAt: a.now })
    .returning();
  await audit(a, { resource: 'notice_comment', resourceId: c.id, action: 'comment', data: { resolutionId: r.id } });
  return c;
}
