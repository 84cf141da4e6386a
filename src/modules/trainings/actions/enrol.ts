import { and, eq, sql } from 'drizzle-orm';
import { type ActionContext, audit, enqueueSms } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { normalizePhone } from '../../demands/index.js';
import { consumeVerificationCode, phoneKey } from '../../notifications/index.js';
import { newReceiptToken } from '../receipt-token.js';
import { place } from '../rules/places.js';
import { loadCourse } from '../store.js';
import { courseQuotas, enrolments } from '../tables.js';

export type EnrolInput = {
  courseId: number;
  name: string;
  phone: string;
  regionId?: number | null;
  affiliation?: string | null;
  /** A resident proves the phone with a code; staff enrolling on someone's behalf do not. */
  code?: string;
};

/** Places taken and the township's seats used, counted under the course's lock. */
async function seats(a: ActionContext, courseId: number, regionId: number | null) {
  const [{ enrolled }] = await a.tx
    .select({ enrolled: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.state, 'enrolled')));
  if (regionId === null) return { enrolled: Number(enrolled), quota: null };
  const [q] = await a.tx
    .select({ seats: courseQuotas.seats })
    .from(courseQuotas)
    .where(and(eq(courseQuotas.courseId, courseId), eq(courseQuotas.regionId, regionId)));
  if (!q) return { enrolled: Number(enrolled), quota: null };
  const [{ used }] = await a.tx
    .select({ used: sql<number>`count(*)::int` })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.state, 'enrolled'), eq(enrolments.regionId, regionId)));
  return { enrolled: Number(enrolled), quota: { seats: q.seats, used: Number(used) } };
}

/**
 * 报名: a place, a place on the wait-list, or a refusal that says why. The learner is told by SMS
 * which it is. The same phone enrolling again gets its existing enrolment back.
 */
export async function enrol(a: ActionContext, input: EnrolInput) {
  const staff = a.actor.kind === 'user';
  const course = await loadCourse(a.tx, a.actor, input.courseId, { lock: true, staff });
  // An invited course's places are the townships' to fill: a resident cannot take one (nor spend a code on trying).
  if (!staff && course.audience === 'invited')
    throw new AppError('request.invalid', {
      zh: '本课程按名额邀请参加，请联系所在镇街报名。',
      en: 'This course is by invitation; ask your township.',
    });
  if (!staff) await consumeVerificationCode(a, input.phone, input.code ?? '');
  const hash = phoneKey(input.phone);
  const [existing] = await a.tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.courseId, course.id), eq(enrolments.phoneHash, hash)));
  // A resident proved the phone with a code: their browser gets a receipt token to prove the enrolment at the door.
  const receipt = staff ? null : newReceiptToken();
  if (existing && existing.state !== 'cancelled') {
    if (receipt) await a.tx.update(enrolments).set({ tokenHash: receipt.hash }).where(eq(enrolments.id, existing.id));
    a.unchanged();
    return { enrolment: existing, created: false, token: receipt?.token ?? null };
  }
  const regionId = input.regionId ?? null;
  const s = await seats(a, course.id, regionId);
  const placed = place({ audience: course.audience, capacity: course.capacity, ...s });
  if (placed.kind === 'refused') throw new AppError('request.invalid', { zh: placed.zh, en: placed.en, details: { reason: 'no_quota' } });
  const values = {
    courseId: course.id,
    name: input.name,
    phone: normalizePhone(input.phone),
    phoneHash: hash,
    regionId,
    affiliation: input.affiliation ?? null,
    channel: staff ? ('operator' as const) : ('portal' as const),
    state: placed.kind,
    createdAt: a.now,
    cancelledAt: null,
    promotedAt: null,
    tokenHash: receipt?.hash ?? existing?.tokenHash ?? null,
  };
  const [row] = existing
    ? await a.tx.update(enrolments).set(values).where(eq(enrolments.id, existing.id)).returning()
    : await a.tx.insert(enrolments).values(values).returning();
  await enqueueSms(a, {
    to: row.phone,
    template: placed.kind === 'enrolled' ? 'enrolled' : 'waitlisted',
    params: { course: course.title, venue: course.venue },
  });
  await audit(a, {
    resource: 'enrolment',
    resourceId: row.id,
    action: placed.kind === 'enrolled' ? 'enrol' : 'waitlist',
    regionPath: course.regionPath,
    data: { courseId: course.id, channel: row.channel },
  });
  return { enrolment: row, created: true, token: receipt?.token ?? null };
}
