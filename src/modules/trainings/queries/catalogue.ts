import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, organiserRoles, type Reader, withinRegions } from '../../../kernel/index.js';
import { redact } from '../../../lib/redact.js';
import { regionOf } from '../../regions/index.js';
import { planActionsIn } from '../rules/lifecycle.js';
import { attendance, courseQuotas, courseSessions, courses, trainingPlans } from '../tables.js';

// The outer column is named in full: in a one-table select Drizzle leaves it unqualified, and inside the
// subquery an unqualified id would mean the enrolment's own.
const courseId = sql.raw('"courses"."id"');
const placesTaken = sql<number>`(select count(*) from enrolments e where e.course_id = ${courseId} and e.state = 'enrolled')::int`;

/** Courses by venue and organiser, in the regions the caller organises; optionally one plan's. */
export async function listCourses(db: Reader, actor: Actor, planId?: number) {
  const region = regionOf(courses.regionId);
  return db
    .select({
      id: courses.id,
      title: courses.title,
      organiser: courses.organiser,
      venue: courses.venue,
      track: courses.track,
      audience: courses.audience,
      capacity: courses.capacity,
      enrolled: placesTaken,
      planId: courses.planId,
      region: region.name,
    })
    .from(courses)
    .where(and(withinRegions(actor, organiserRoles, region.path), planId ? eq(courses.planId, planId) : undefined))
    .orderBy(asc(courses.venue), desc(courses.id))
    .limit(500);
}

/** Sessions of some courses, in time order. */
export async function sessionsOf(db: Reader, courseIds: number[], withCodes: boolean) {
  if (courseIds.length === 0) return [];
  const rows = await db.select().from(courseSessions).where(inArray(courseSessions.courseId, courseIds)).orderBy(courseSessions.startsAt);
  return rows.map((s) => ({
    id: s.id,
    courseId: s.courseId,
    topic: s.topic,
    place: s.place,
    kind: s.kind,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    checkinCode: withCodes ? s.checkinCode : null,
  }));
}

/** What residents see: every course with seats left and its sessions; invited courses say so and take no sign-ups here. */
export async function publicCatalogue(db: Reader) {
  const rows = await db
    .select({
      id: courses.id,
      title: courses.title,
      organiser: courses.organiser,
      venue: courses.venue,
      audience: courses.audience,
      capacity: courses.capacity,
      feeYuan: courses.feeYuan,
      description: courses.description,
      enrolled: placesTaken,
      waitlisted: sql<number>`(select count(*) from enrolments e where e.course_id = ${courseId} and e.state = 'waitlisted')::int`,
    })
    .from(courses)
    .orderBy(asc(courses.venue), asc(courses.id))
    .limit(300);
  const sessions = await sessionsOf(
    db,
    rows.map((r) => r.id),
    false,
  );
  return rows.map((r) => ({
    ...r,
    title: redact(r.title),
    organiser: redact(r.organiser),
    venue: redact(r.venue),
    description: redact(r.description),
    enrolled: Number(r.enrolled),
    waitlisted: Number(r.waitlisted),
    sessions: sessions
      .filter((s) => s.courseId === r.id)
      .map(({ checkinCode: _, courseId: __, ...s }) => ({ ...s, topic: redact(s.topic), place: redact(s.place) })),
  }));
}

export async function planWithCourses(db: Reader, actor: Actor, planId: number) {
  const [plan] = await db.select().from(trainingPlans).where(eq(trainingPlans.id, planId));
  const list = await listCourses(db, actor, planId);
  return {
    ...plan,
    createdAt: plan.createdAt.toISOString(),
    reviewedAt: plan.reviewedAt?.toISOString() ?? null,
    courses: list.map((c) => ({ ...c, enrolled: Number(c.enrolled) })),
    actions: [...planActionsIn[plan.state]],
  };
}

/** Plans in the regions the caller organises, newest year first, with how many courses each holds. */
export async function listPlans(db: Reader, actor: Actor) {
  const region = regionOf(trainingPlans.regionId);
  const rows = await db
    .select({
      id: trainingPlans.id,
      title: trainingPlans.title,
      year: trainingPlans.year,
      organiser: trainingPlans.organiser,
      region: region.name,
      state: trainingPlans.state,
      reviewNote: trainingPlans.reviewNote,
      courses: sql<number>`(select count(*) from courses c where c.plan_id = "training_plans"."id")::int`,
    })
    .from(trainingPlans)
    .where(withinRegions(actor, organiserRoles, region.path))
    .orderBy(desc(trainingPlans.year), desc(trainingPlans.id))
    .limit(500);
  return rows.map((r) => ({ ...r, courses: Number(r.courses), actions: [...planActionsIn[r.state]] }));
}

/** Who has been marked present at each of these sessions (by the roll or by the QR). */
export async function attendeesOf(db: Reader, sessionIds: number[]) {
  if (sessionIds.length === 0) return new Map<number, number[]>();
  const rows = await db
    .select({ sessionId: attendance.sessionId, enrolmentId: attendance.enrolmentId })
    .from(attendance)
    .where(inArray(attendance.sessionId, sessionIds));
  const by = new Map<number, number[]>();
  for (const r of rows) by.set(r.sessionId, [...(by.get(r.sessionId) ?? []), r.enrolmentId]);
  return by;
}

export async function quotasOf(db: Reader, courseId: number) {
  const township = regionOf(courseQuotas.regionId);
  return db
    .select({ regionId: courseQuotas.regionId, township: township.name, seats: courseQuotas.seats })
    .from(courseQuotas)
    .where(eq(courseQuotas.courseId, courseId))
    .orderBy(township.path);
}
