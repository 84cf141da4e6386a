import { randomBytes } from 'node:crypto';
import { type ActionContext, audit, organisesIn, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getRegion, regionsByIds } from '../../regions/index.js';
import { planAllows } from '../rules/lifecycle.js';
import { loadPlan } from '../store.js';
import { courseQuotas, courseSessions, courses, type sessionKinds } from '../tables.js';

export type CourseInput = {
  planId?: number | null;
  title: string;
  organiser: string;
  venue: string;
  regionId: number;
  track?: string | null;
  audience: 'open' | 'invited';
  capacity: number;
  feeYuan?: number;
  description?: string;
  completionShare?: number;
  sessions: { topic: string; place: string; kind?: (typeof sessionKinds)[number]; startsAt: Date; endsAt: Date }[];
  quotas?: { regionId: number; seats: number }[];
};

/** A course with its sessions (each with a check-in code for the QR at the door) and, when invited, its seats per township. */
export async function createCourse(a: ActionContext, input: CourseInput) {
  const actor = staffActor(a.actor);
  const region = await getRegion(a.tx, input.regionId);
  if (!region) throw new AppError('validation.reference', { details: { regionId: input.regionId } });
  if (!organisesIn(actor, region.path)) throw new AppError('auth.forbidden');
  if (input.planId) {
    const plan = await loadPlan(a.tx, a.actor, input.planId);
    if (!planAllows(plan.state, 'add_course'))
      throw new AppError('training.invalid_state', {
        zh: '计划已审议通过，不能再增加课程。',
        en: 'The plan is approved; courses cannot be added.',
      });
  }
  if (input.sessions.some((s) => s.endsAt <= s.startsAt))
    throw new AppError('request.invalid', { zh: '每节课的结束时间必须晚于开始时间。', en: 'A session must end after it starts.' });
  const quotas = input.quotas ?? [];
  if (input.audience === 'open' && quotas.length)
    throw new AppError('request.invalid', { zh: '面向居民开放的课程不设镇街名额。', en: 'Open courses take no quotas.' });
  if (input.audience === 'invited' && quotas.length === 0)
    throw new AppError('request.invalid', { zh: '邀请参加的课程需要设置各镇街名额。', en: 'An invited course needs seats per township.' });
  if (quotas.reduce((s, q) => s + q.seats, 0) > input.capacity) {
    throw new AppError('request.invalid', { zh: '各镇街名额之和超过了课程容量。', en: 'The quotas add up to more than the capacity.' });
  }
  if (quotas.length) {
    const found = await regionsByIds(
      a.tx,
      quotas.map((q) => q.regionId),
    );
    const ok = new Set(found.filter((r) => r.path.startsWith(region.path)).map((r) => r.id));
    const bad = quotas.filter((q) => !ok.has(q.regionId)).map((q) => q.regionId);
    if (bad.length) throw new AppError('validation.reference', { details: { quotaRegionIds: bad } });
  }
  const { sessions, quotas: _q, ...fields } = input;
  const [course] = await a.tx
    .insert(courses)
    .values({ ...fields, planId: input.planId ?? null, regionId: region.id, createdBy: actor.userId, createdAt: a.now })
    .returning();
  await a.tx
    .insert(courseSessions)
    .values(sessions.map((s) => ({ ...s, courseId: course.id, checkinCode: randomBytes(9).toString('base64url') })));
  if (quotas.length) await a.tx.insert(courseQuotas).values(quotas.map((q) => ({ ...q, courseId: course.id })));
  await audit(a, {
    resource: 'course',
    resourceId: course.id,
    action: 'create',
    regionPath: region.path,
    data: { title: course.title, sessions: sessions.length, capacity: course.capacity, audience: course.audience },
  });
  return course;
}
