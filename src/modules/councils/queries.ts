import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { underNode } from '../../db/tree.js';
import { type Actor, organiserRoles, withinRegions } from '../../kernel/index.js';
import { iso } from '../../lib/iso.js';
import { redact } from '../../lib/redact.js';
import { userNameOf } from '../accounts/index.js';
import { localDay, startOfLocalDay } from '../calendar/index.js';
import { asWritten, publicFaces } from '../moderation/index.js';
import { regionOf, unitNameOf } from '../regions/index.js';
import { type ActionItemState, meetingPhase, personMoves } from './rules.js';
import {
  actionItemSupervisions,
  actionItems,
  agendaItems,
  councilAttendance,
  councilMeetings,
  councilSeats,
  councils,
  councilVotes,
  meetingCorrections,
  noticeComments,
  resolutions,
} from './tables.js';

/** The councils in the caller's organising scope. */
export async function listCouncils(db: Db, actor: Actor) {
  return db
    .select({
      id: councils.id,
      regionId: councils.regionId,
      name: councils.name,
      quorumPercent: councils.quorumPercent,
      voteRule: councils.voteRule,
    })
    .from(councils)
    .where(withinRegions(actor, organiserRoles, regionOf(councils.regionId).path))
    .orderBy(asc(councils.id));
}

export async function councilDetail(db: Db, id: number) {
  const [c] = await db.select().from(councils).where(eq(councils.id, id));
  const seats = await db.select().from(councilSeats).where(eq(councilSeats.councilId, id)).orderBy(asc(councilSeats.id));
  const meetings = await db.select().from(councilMeetings).where(eq(councilMeetings.councilId, id)).orderBy(asc(councilMeetings.startsAt));
  return {
    id: c.id,
    regionId: c.regionId,
    name: c.name,
    quorumPercent: c.quorumPercent,
    voteRule: c.voteRule,
    seats: seats.map((s) => ({
      id: s.id,
      party: s.party,
      holderName: s.holderName,
      position: s.position,
      userId: s.userId,
      termStart: s.termStart,
      termEnd: s.termEnd,
    })),
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, place: m.place, startsAt: m.startsAt.toISOString(), status: m.status })),
  };
}

/** A meeting's whole record, and where it stands at `now` (the console offers attendance and votes only in session). */
export async function meetingDetail(db: Db, id: number, now: Date) {
  const [m] = await db.select().from(councilMeetings).where(eq(councilMeetings.id, id));
  const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.id));
  const itemIds = items.map((i) => i.id);
  const votes = itemIds.length ? await db.select().from(councilVotes).where(inArray(councilVotes.agendaItemId, itemIds)) : [];
  const attendance = await db.select().from(councilAttendance).where(eq(councilAttendance.meetingId, id));
  const res = await db.select().from(resolutions).where(eq(resolutions.meetingId, id)).orderBy(asc(resolutions.id));
  const acts = await actionItemsOf(
    db,
    res.map((r) => r.id),
  );
  const corrections = await db
    .select()
    .from(meetingCorrections)
    .where(eq(meetingCorrections.meetingId, id))
    .orderBy(asc(meetingCorrections.id));
  return {
    id: m.id,
    councilId: m.councilId,
    title: m.title,
    place: m.place,
    startsAt: m.startsAt.toISOString(),
    status: m.status,
    phase: meetingPhase(m, now),
    minutes: m.minutes,
    closedAt: iso(m.closedAt),
    attendance: attendance.map((a) => ({ seatId: a.seatId, present: a.present })),
    agenda: items.map((i) => ({
      id: i.id,
      source: i.source,
      sourceRef: i.sourceRef,
      title: i.title,
      description: i.description,
      outcome: i.outcome,
      votes: votes.filter((v) => v.agendaItemId === i.id).map((v) => ({ seatId: v.seatId, choice: v.choice })),
    })),
    resolutions: res.map((r) => ({
      id: r.id,
      agendaItemId: r.agendaItemId,
      text: r.text,
      noticeUntil: r.noticeUntil,
      actionItems: acts.filter((a) => a.resolutionId === r.id).map(({ resolutionId: _, ...a }) => a),
    })),
    corrections: corrections.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt.toISOString() })),
  };
}

/** 公示 for a community (and below): resolutions, their action items' progress, and comments. */
export async function publicNotices(db: Db, regionId: number, now: Date) {
  const rows = await db
    .select({ r: resolutions, council: councils.name, meeting: councilMeetings.title, startsAt: councilMeetings.startsAt })
    .from(resolutions)
    .innerJoin(councilMeetings, eq(councilMeetings.id, resolutions.meetingId))
    .innerJoin(councils, eq(councils.id, councilMeetings.councilId))
    .where(underNode(regionOf(councils.regionId).path, 'regions', regionId))
    .orderBy(asc(resolutions.id));
  const ids = rows.map((x) => x.r.id);
  const acts = await actionItemsOf(db, ids);
  const commentRows = ids.length
    ? await db.select().from(noticeComments).where(inArray(noticeComments.resolutionId, ids)).orderBy(asc(noticeComments.id))
    : [];
  // What moderators decided: hidden comments stay in the list as a placeholder with the reason.
  const faces = await publicFaces(
    db,
    'notice_comment',
    commentRows.map((c) => c.id),
  );
  const comments = commentRows.map((c) => {
    const face = faces.get(c.id) ?? asWritten;
    return { ...c, name: face.hidden ? null : c.name, body: face.text(c.body), hidden: face.hidden, hiddenReason: face.hiddenReason };
  });
  const today = localDay(now);
  return rows.map(({ r, council, meeting, startsAt }) => ({
    id: r.id,
    council,
    meeting,
    meetingDate: startsAt.toISOString(),
    text: redact(r.text),
    noticeUntil: r.noticeUntil,
    open: today <= r.noticeUntil,
    ...progressOf(acts.filter((a) => a.resolutionId === r.id)),
    comments: comments
      .filter((c) => c.resolutionId === r.id)
      .map((c) => ({
        name: c.name === null ? null : redact(c.name),
        body: redact(c.body, { names: [c.name] }),
        hidden: c.hidden,
        hiddenReason: c.hiddenReason,
        createdAt: c.createdAt.toISOString(),
      })),
  }));
}

/**
 * The action items of some resolutions, each with its owner unit's (and person's) name, its 督办 if one was raised,
 * and the moves a person may make on it.
 */
async function actionItemsOf(db: Db, resolutionIds: number[]) {
  if (resolutionIds.length === 0) return [];
  const rows = await db
    .select({
      a: actionItems,
      // Null where the item names no unit or person, as the left joins these replace gave.
      unitName: unitNameOf(actionItems.ownerUnitId).as<string | null>(),
      userName: userNameOf(actionItems.ownerUserId).as<string | null>(),
      sup: actionItemSupervisions,
    })
    .from(actionItems)
    .leftJoin(actionItemSupervisions, eq(actionItemSupervisions.actionItemId, actionItems.id))
    .where(inArray(actionItems.resolutionId, resolutionIds))
    .orderBy(asc(actionItems.id));
  return rows.map(({ a, unitName, userName, sup }) => ({
    id: a.id,
    resolutionId: a.resolutionId,
    title: a.title,
    owner: unitName ?? a.owner,
    ownerUnitId: a.ownerUnitId,
    ownerUserId: a.ownerUserId,
    ownerUserName: userName,
    dueOn: a.dueOn,
    status: a.status as ActionItemState,
    doneAt: iso(a.doneAt),
    demandId: a.demandId,
    initiativeId: a.initiativeId,
    supervision: sup ? { reason: sup.reason, createdAt: sup.createdAt.toISOString() } : null,
    actions: personMoves(a.status as ActionItemState),
  }));
}

/** A resolution's action items as the public sees them: what, which unit, by when, where it stands; and how many are done. */
function progressOf(items: Awaited<ReturnType<typeof actionItemsOf>>) {
  return {
    actionItems: items.map((a) => ({
      title: redact(a.title),
      owner: redact(a.owner),
      dueOn: a.dueOn,
      status: a.status,
      supervised: a.supervision !== null,
    })),
    progress: { done: items.filter((a) => a.status === 'done').length, total: items.length },
  };
}

/**
 * 会议预告: the meetings of a community's councils (and below) from today on that are still to be held, with place, time
 * and agenda titles. Nothing personal: no seat holders, no sources, agenda text through the public redaction.
 */
export async function upcomingMeetings(db: Db, regionId: number, now: Date) {
  const rows = await db
    .select({ m: councilMeetings, council: councils.name })
    .from(councilMeetings)
    .innerJoin(councils, eq(councils.id, councilMeetings.councilId))
    .where(
      and(
        underNode(regionOf(councils.regionId).path, 'regions', regionId),
        eq(councilMeetings.status, 'scheduled'),
        gte(councilMeetings.startsAt, startOfLocalDay(localDay(now))),
      ),
    )
    .orderBy(asc(councilMeetings.startsAt), asc(councilMeetings.id))
    .limit(50);
  const ids = rows.map((r) => r.m.id);
  const agenda = ids.length
    ? await db
        .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
        .from(agendaItems)
        .where(inArray(agendaItems.meetingId, ids))
        .orderBy(asc(agendaItems.id))
    : [];
  return rows.map(({ m, council }) => ({
    id: m.id,
    council,
    title: redact(m.title),
    place: redact(m.place),
    startsAt: m.startsAt.toISOString(),
    agenda: agenda.filter((x) => x.meetingId === m.id).map((x) => redact(x.title)),
  }));
}

/** One action item as the console shows it. */
export async function actionItemView(db: Db, id: number) {
  const [row] = await db.select({ resolutionId: actionItems.resolutionId }).from(actionItems).where(eq(actionItems.id, id));
  const { resolutionId: _, ...item } = (await actionItemsOf(db, [row.resolutionId])).find((a) => a.id === id)!;
  return item;
}
