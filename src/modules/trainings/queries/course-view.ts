import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../kernel/index.js';
import { maskPhone } from '../../../lib/redact.js';
import { writeWorkbook } from '../../../lib/spreadsheet.js';
import { regionOf } from '../../regions/index.js';
import { enrolmentActionsIn } from '../rules/lifecycle.js';
import { loadCourse } from '../store.js';
import { courseSessions, courses, enrolments } from '../tables.js';
import { attendeesOf, quotasOf, sessionsOf } from './catalogue.js';

/** Where a wait-listed learner stands: 1 for the first in line; null for anyone not waiting. */
export async function waitPosition(db: Db, e: { courseId: number; state: string; createdAt: Date }): Promise<number | null> {
  if (e.state !== 'waitlisted') return null;
  const [{ ahead }] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, e.courseId), eq(enrolments.state, 'waitlisted'), lt(enrolments.createdAt, e.createdAt)));
  return Number(ahead) + 1;
}

/** What an enrolment answers: its state and, on the wait-list, its place in line. */
export async function enrolmentReceipt(
  db: Db,
  e: { id: number; courseId: number; state: 'enrolled' | 'waitlisted' | 'cancelled'; createdAt: Date },
) {
  return { id: e.id, state: e.state, waitlistPosition: await waitPosition(db, e) };
}

/** A course as its organiser works it: sessions with their check-in codes and who came, quotas, the roll (phones masked). */
export async function courseView(db: Db, actor: Actor, id: number) {
  const course = await loadCourse(db, actor, id, { staff: true });
  const list = await db
    .select({
      id: enrolments.id,
      name: enrolments.name,
      phone: enrolments.phone,
      // Null for a learner who named no township, as the left join this replaces gave.
      township: regionOf(enrolments.regionId).name.as<string | null>(),
      state: enrolments.state,
      channel: enrolments.channel,
    })
    .from(enrolments)
    .where(eq(enrolments.courseId, id))
    .orderBy(enrolments.createdAt, enrolments.id);
  const sessions = await sessionsOf(db, [id], true);
  const present = await attendeesOf(
    db,
    sessions.map((s) => s.id),
  );
  let inLine = 0;
  return {
    id: course.id,
    title: course.title,
    organiser: course.organiser,
    venue: course.venue,
    region: course.regionName,
    regionId: course.regionId,
    track: course.track,
    audience: course.audience,
    capacity: course.capacity,
    feeYuan: course.feeYuan,
    completionShare: course.completionShare,
    sessions: sessions.map(({ courseId: _, ...s }) => ({ ...s, attendees: present.get(s.id) ?? [] })),
    quotas: await quotasOf(db, id),
    // In creation order, so the wait-listed are numbered as they stand in line.
    enrolments: list.map((e) => ({
      ...e,
      phone: maskPhone(e.phone),
      waitlistPosition: e.state === 'waitlisted' ? ++inLine : null,
      actions: [...enrolmentActionsIn[e.state]],
    })),
  };
}

/** The roll as an Excel workbook (sign-in sheets, reports to the organiser), phones masked as on screen. */
export async function rosterWorkbook(db: Db, actor: Actor, id: number) {
  const view = await courseView(db, actor, id);
  const states = { enrolled: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
  const book = await writeWorkbook([
    {
      name: '报名名单',
      header: ['序号', '姓名', '电话', '镇街', '状态', '报名方式'],
      rows: view.enrolments.map((e, i) => [
        i + 1,
        e.name,
        e.phone,
        e.township ?? '',
        states[e.state],
        e.channel === 'portal' ? '网上报名' : '代为报名',
      ]),
    },
  ]);
  return { name: `course-${view.id}-enrolments.xlsx` as const, book };
}

/** The session a check-in code belongs to, for the page the QR opens; null for a code no session has. */
export async function checkInSession(db: Db, code: string) {
  const [row] = await db
    .select({
      courseId: courses.id,
      course: courses.title,
      topic: courseSessions.topic,
      place: courseSessions.place,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseSessions.checkinCode, code));
  return row ? { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() } : null;
}
