import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { localDay } from '../../calendar/index.js';
import { issueAuthorReceipt, screenSubmission } from '../../moderation/index.js';
import { regionOf } from '../../regions/index.js';
import { councilMeetings, councils, noticeComments, resolutions } from '../tables.js';

/** A resident's comment on a resolution under public notice (公示), accepted until the notice ends. */
export async function commentOnNotice(a: ActionContext, opts: { resolutionId: number; name?: string | null; body: string }) {
  const [found] = await a.tx
    .select({ r: resolutions, path: regionOf(councils.regionId).path })
    .from(resolutions)
    .innerJoin(councilMeetings, eq(councilMeetings.id, resolutions.meetingId))
    .innerJoin(councils, eq(councils.id, councilMeetings.councilId))
    .where(eq(resolutions.id, opts.resolutionId));
  if (!found) throw new AppError('not_found');
  const { r } = found;
  if (localDay(a.now) > r.noticeUntil) throw new AppError('council.notice_closed', { details: { noticeUntil: r.noticeUntil } });
  const [c] = await a.tx
    .insert(noticeComments)
    .values({ resolutionId: r.id, name: opts.name?.trim() || null, body: opts.body, createdAt: a.now })
    .returning();
  await audit(a, { resource: 'notice_comment', resourceId: c.id, action: 'comment', regionPath: found.path, data: { resolutionId: r.id } });
  await screenSubmission(a, { kind: 'notice_comment', id: c.id, text: `${c.name ?? ''} ${c.body}`, regionPath: found.path });
  return { ...c, authorToken: await issueAuthorReceipt(a, { kind: 'notice_comment', id: c.id }) };
}
