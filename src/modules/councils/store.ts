import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { type Actor, organiserRoles, organisesIn, type Reader, withinRegions } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { regionOf } from '../regions/index.js';
import { meetingPhase } from './rules.js';
import { agendaItems, councilMeetings, councilSeats, councils, noticeComments, resolutions } from './tables.js';

/** A council its caller may organise (404 otherwise, as if it did not exist), with its region's path. */
export async function loadCouncil(db: Db | Tx, actor: Actor, id: number) {
  const [row] = await db
    .select({ c: councils, path: regionOf(councils.regionId).path })
    .from(councils)
    .where(eq(councils.id, id));
  if (!row || !organisesIn(actor, row.path)) throw new AppError('not_found', { details: { councilId: id } });
  return { ...row.c, regionPath: row.path };
}

/**
 * A meeting its caller may organise; `open` also requires that it is not closed yet. Inside an
 * action the meeting row is locked, so a close cannot slip between this check and the change.
 */
export async function loadMeeting(db: Db | Tx, actor: Actor, id: number, opts: { open?: boolean } = {}) {
  const query = db.select().from(councilMeetings).where(eq(councilMeetings.id, id));
  const [m] = opts.open ? await query.for('update') : await query;
  if (!m) throw new AppError('not_found', { details: { meetingId: id } });
  const council = await loadCouncil(db, actor, m.councilId);
  if (opts.open && m.status === 'closed') throw new AppError('council.meeting_closed', { details: { meetingId: id } });
  return { meeting: m, council };
}

/**
 * Attendance and votes happen in session: before the start there is nothing to record yet (a clear refusal, not a vote
 * taken days early); after the close the record is frozen (corrections only).
 */
export function requireInSession(meeting: { id: number; startsAt: Date; status: 'scheduled' | 'closed' }, now: Date): void {
  const phase = meetingPhase(meeting, now);
  if (phase === 'closed') throw new AppError('council.meeting_closed', { details: { meetingId: meeting.id } });
  if (phase === 'not_started') {
    throw new AppError('council.meeting_not_started', {
      details: { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString() },
    });
  }
}

export async function loadAgendaItem(db: Db | Tx, actor: Actor, id: number, opts: { open?: boolean } = {}) {
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
  if (!item) throw new AppError('not_found', { details: { agendaItemId: id } });
  return { item, ...(await loadMeeting(db, actor, item.meetingId, opts)) };
}

/** The chairs of the councils of a region or of any region above it (who hear of a resident proposal). */
export async function councilChairsOver(db: Db | Tx, regionId: number) {
  return db
    .select({ councilId: councils.id, userId: councilSeats.userId, holder: councilSeats.holderName })
    .from(councilSeats)
    .innerJoin(councils, eq(councils.id, councilSeats.councilId))
    .where(
      and(eq(councilSeats.position, 'chair'), sql`${regionOf(sql`${regionId}`).path} like ${regionOf(councils.regionId).path} || '%'`),
    );
}

const commentsWithPlace = (db: Reader) =>
  db
    .select({ c: noticeComments, path: regionOf(councils.regionId).path, council: councils.name, meeting: councilMeetings.title })
    .from(noticeComments)
    .innerJoin(resolutions, eq(resolutions.id, noticeComments.resolutionId))
    .innerJoin(councilMeetings, eq(councilMeetings.id, resolutions.meetingId))
    .innerJoin(councils, eq(councils.id, councilMeetings.councilId));

/** What moderation needs to find a resident's comment on a notice: its text and the council's community. */
export async function locateNoticeComment(db: Reader, id: number) {
  const [row] = await commentsWithPlace(db).where(eq(noticeComments.id, id));
  return row ? { text: row.c.body, regionPath: row.path } : null;
}

/** The newest comments on notices in the caller's region, for moderators to review after publication. */
export async function recentNoticeComments(db: Reader, actor: Actor, limit: number) {
  const rows = await commentsWithPlace(db)
    .where(withinRegions(actor, organiserRoles, regionOf(councils.regionId).path))
    .orderBy(desc(noticeComments.createdAt))
    .limit(limit);
  return rows.map((r) => ({ id: r.c.id, text: r.c.body, regionPath: r.path, at: r.c.createdAt, context: `${r.council} · ${r.meeting}` }));
}
