import { and, asc, eq, sql } from 'drizzle-orm';
import { type ActionContext, audit, enqueueSms, organisesIn } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { consumeVerificationCode, phoneKey } from '../../notifications/index.js';
import { enrolmentAllows } from '../rules/lifecycle.js';
import { nextToPromote } from '../rules/places.js';
import { loadCourse } from '../store.js';
import { courseQuotas, enrolments } from '../tables.js';

/** Fills a freed place from the wait-list, in the same transaction, and tells the promoted learner by SMS. */
async function promote(a: ActionContext, course: Awaited<ReturnType<typeof loadCourse>>) {
  const [{ enrolled }] = await a.tx
    .select({ enrolled: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, course.id), eq(enrolments.state, 'enrolled')));
  const waitlist = await a.tx
    .select({ id: enrolments.id, regionId: enrolments.regionId })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, course.id), eq(enrolments.state, 'waitlisted')))
    .orderBy(asc(enrolments.createdAt), asc(enrolments.id));
  const left = await a.tx
    .select({
      regionId: courseQuotas.regionId,
      // Named in full: unqualified, the subquery would read its own enrolment's columns.
      left: sql<number>`${courseQuotas.seats} - (select count(*) from enrolments e where e.course_id = "course_quotas"."course_id" and e.region_id = "course_quotas"."region_id" and e.state = 'enrolled')::int`,
    })
    .from(courseQuotas)
    .where(eq(courseQuotas.courseId, course.id));
  const id = nextToPromote(
    waitlist,
    { audience: course.audience, capacity: course.capacity, enrolled: Number(enrolled) },
    new Map(left.map((l) => [l.regionId, Number(l.left)])),
  );
  if (id === null) return null;
  const [row] = await a.tx.update(enrolments).set({ state: 'enrolled', promotedAt: a.now }).where(eq(enrolments.id, id)).returning();
  await enqueueSms(a, { to: row.phone, template: 'promoted', params: { course: course.title, venue: course.venue } });
  // Recorded as the canceller's act: their cancellation is what moved the wait-list.
  await audit(a, {
    resource: 'enrolment',
    resourceId: row.id,
    action: 'promote',
    regionPath: course.regionPath,
    data: { courseId: course.id },
  });
  return row;
}

/**
 * 取消报名: by staff (by id) or by the learner (phone and code). A freed place goes at once to the
 * first on the wait-list whose township still has a seat.
 */
export async function cancelEnrolment(a: ActionContext, input: { enrolmentId?: number; courseId?: number; phone?: string; code?: string }) {
  let target: typeof enrolments.$inferSelect | undefined;
  if (a.actor.kind === 'user') {
    [target] = await a.tx
      .select()
      .from(enrolments)
      .where(eq(enrolments.id, input.enrolmentId ?? 0));
  } else {
    await consumeVerificationCode(a, input.phone ?? '', input.code ?? '');
    [target] = await a.tx
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.courseId, input.courseId ?? 0), eq(enrolments.phoneHash, phoneKey(input.phone ?? ''))));
  }
  if (!target)
    throw a.actor.kind === 'user'
      ? new AppError('not_found', { details: { enrolmentId: input.enrolmentId } })
      : new AppError('training.not_enrolled');
  const course = await loadCourse(a.tx, a.actor, target.courseId, { lock: true });
  if (a.actor.kind === 'user' && !organisesIn(a.actor, course.regionPath))
    throw new AppError('not_found', { details: { enrolmentId: target.id } });
  if (!enrolmentAllows(target.state, 'cancel'))
    throw new AppError('training.invalid_state', { zh: '该报名已取消。', en: 'This enrolment is already cancelled.' });
  const wasEnrolled = target.state === 'enrolled';
  await a.tx.update(enrolments).set({ state: 'cancelled', cancelledAt: a.now }).where(eq(enrolments.id, target.id));
  await audit(a, {
    resource: 'enrolment',
    resourceId: target.id,
    action: 'cancel',
    regionPath: course.regionPath,
    data: { courseId: course.id },
  });
  const promoted = wasEnrolled ? await promote(a, course) : null;
  return { cancelled: target.id, promoted: promoted?.id ?? null };
}
