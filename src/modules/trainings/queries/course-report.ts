import { and, eq, sql } from 'drizzle-orm';
import type { Reader } from '../../../kernel/index.js';
import { regionOf } from '../../regions/index.js';
import { completed } from '../rules/places.js';
import { attendance, courseDemands, courseQuotas, courseSessions, enrolments, sessionFeedback } from '../tables.js';

type Course = { id: number; completionShare: number; capacity: number };

/**
 * 报名、出勤、结业: by session and by township. Every township given seats is listed, and one with
 * nobody present at a session is flagged absent there — the 21-township training shows who stayed away.
 */
export async function courseReport(db: Reader, course: Course) {
  const sessions = await db.select().from(courseSessions).where(eq(courseSessions.courseId, course.id)).orderBy(courseSessions.startsAt);
  const learners = await db
    .select({
      id: enrolments.id,
      name: enrolments.name,
      state: enrolments.state,
      regionId: enrolments.regionId,
      // Null for a learner who named no township, as the left join this replaces gave.
      township: regionOf(enrolments.regionId).name.as<string | null>(),
      certificateNo: enrolments.certificateNo,
      affiliation: enrolments.affiliation,
    })
    .from(enrolments)
    .where(eq(enrolments.courseId, course.id))
    .orderBy(enrolments.id);
  const present = await db
    .select({ sessionId: attendance.sessionId, enrolmentId: attendance.enrolmentId })
    .from(attendance)
    .innerJoin(courseSessions, eq(courseSessions.id, attendance.sessionId))
    .where(eq(courseSessions.courseId, course.id));
  const township = regionOf(courseQuotas.regionId);
  const quotas = await db
    .select({ regionId: courseQuotas.regionId, township: township.name, seats: courseQuotas.seats })
    .from(courseQuotas)
    .where(eq(courseQuotas.courseId, course.id))
    .orderBy(township.path);
  const [ratings] = await db
    .select({ n: sql<number>`count(*)::int`, mean: sql<number | null>`round(avg(${sessionFeedback.rating})::numeric, 2)::float8` })
    .from(sessionFeedback)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionFeedback.sessionId))
    .where(and(eq(courseSessions.courseId, course.id), eq(sessionFeedback.hidden, false)));
  const [raised] = await db.select({ n: sql<number>`count(*)::int` }).from(courseDemands).where(eq(courseDemands.courseId, course.id));
  const attendedBy = new Map<number, Set<number>>();
  for (const p of present) attendedBy.set(p.enrolmentId, (attendedBy.get(p.enrolmentId) ?? new Set()).add(p.sessionId));
  const enrolled = learners.filter((l) => l.state === 'enrolled');
  const regionOfLearner = new Map(enrolled.map((l) => [l.id, l.regionId]));
  const townships = quotas.map((q) => {
    const mine = enrolled.filter((l) => l.regionId === q.regionId);
    const bySession = sessions.map((s) => mine.filter((l) => attendedBy.get(l.id)?.has(s.id)).length);
    return {
      regionId: q.regionId,
      township: q.township,
      seats: q.seats,
      enrolled: mine.length,
      attendedBySession: bySession,
      absentSessions: sessions.filter((_, i) => bySession[i] === 0).map((s) => s.id),
    };
  });
  return {
    counts: {
      capacity: course.capacity,
      enrolled: enrolled.length,
      waitlisted: learners.filter((l) => l.state === 'waitlisted').length,
      cancelled: learners.filter((l) => l.state === 'cancelled').length,
      completed: enrolled.filter((l) => completed(attendedBy.get(l.id)?.size ?? 0, sessions.length, course.completionShare)).length,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      topic: s.topic,
      kind: s.kind,
      startsAt: s.startsAt.toISOString(),
      present: present.filter((p) => p.sessionId === s.id && regionOfLearner.has(p.enrolmentId)).length,
    })),
    townships,
    absentTownships: townships.filter((t) => t.enrolled === 0 || t.absentSessions.length === sessions.length).map((t) => t.township),
    learners: enrolled.map((l) => ({
      id: l.id,
      name: l.name,
      township: l.township,
      affiliation: l.affiliation,
      attended: attendedBy.get(l.id)?.size ?? 0,
      completed: completed(attendedBy.get(l.id)?.size ?? 0, sessions.length, course.completionShare),
      certificateNo: l.certificateNo,
    })),
    feedback: { responses: Number(ratings?.n ?? 0), meanRating: ratings?.mean ?? null },
    demandsRaised: Number(raised?.n ?? 0),
  };
}
