import { and, eq, inArray } from 'drizzle-orm';
import { type ActionContext, audit, auditMany } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { phoneKey } from '../../notifications/index.js';
import { loadCourse } from '../store.js';
import { attendance, courseSessions, enrolments, sessionFeedback } from '../tables.js';

const window = 60 * 60_000;

async function sessionByCode(a: ActionContext, code: string) {
  const [s] = await a.tx.select().from(courseSessions).where(eq(courseSessions.checkinCode, code));
  if (!s)
    throw new AppError('not_found', { zh: '签到码无效，请扫描现场的二维码。', en: 'Unknown check-in code; scan the code at the door.' });
  return s;
}

async function enrolledLearner(a: ActionContext, courseId: number, phone: string) {
  const [e] = await a.tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.phoneHash, phoneKey(phone)), eq(enrolments.state, 'enrolled')));
  if (!e) throw new AppError('training.not_enrolled');
  return e;
}

/** 扫码签到: the learner's phone scanned the session's QR; open from an hour before the start to an hour after the end. Twice is once. */
export async function checkIn(a: ActionContext, input: { code: string; phone: string }) {
  const s = await sessionByCode(a, input.code);
  if (a.now.getTime() < s.startsAt.getTime() - window || a.now.getTime() > s.endsAt.getTime() + window) {
    throw new AppError('training.invalid_state', {
      zh: '不在签到时间内（开课前 1 小时至下课后 1 小时）。',
      en: 'Check-in is open from an hour before to an hour after the session.',
    });
  }
  const e = await enrolledLearner(a, s.courseId, input.phone);
  const [row] = await a.tx
    .insert(attendance)
    .values({ sessionId: s.id, enrolmentId: e.id, method: 'qr', at: a.now })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    a.unchanged();
    return { sessionId: s.id, name: e.name, already: true };
  }
  await audit(a, { resource: 'enrolment', resourceId: e.id, action: 'check_in', data: { sessionId: s.id } });
  return { sessionId: s.id, name: e.name, already: false };
}

/** 点名: staff mark who attended from the list. */
export async function recordAttendance(a: ActionContext, input: { sessionId: number; enrolmentIds: number[] }) {
  const [s] = await a.tx.select().from(courseSessions).where(eq(courseSessions.id, input.sessionId));
  if (!s) throw new AppError('not_found', { details: { sessionId: input.sessionId } });
  const course = await loadCourse(a.tx, a.actor, s.courseId, { staff: true });
  const ids = [...new Set(input.enrolmentIds)];
  const valid = await a.tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, course.id), eq(enrolments.state, 'enrolled'), inArray(enrolments.id, ids)));
  if (valid.length !== ids.length) {
    const ok = new Set(valid.map((v) => v.id));
    throw new AppError('validation.reference', {
      zh: '名单中有人未在本课程报名。',
      en: 'Some are not enrolled in this course.',
      details: { enrolmentIds: ids.filter((i) => !ok.has(i)) },
    });
  }
  const rows = await a.tx
    .insert(attendance)
    .values(ids.map((enrolmentId) => ({ sessionId: s.id, enrolmentId, method: 'list' as const, at: a.now })))
    .onConflictDoNothing()
    .returning();
  if (rows.length === 0) {
    a.unchanged();
    return { recorded: 0 };
  }
  await auditMany(
    a,
    rows.map((r) => ({
      resource: 'enrolment',
      resourceId: r.enrolmentId,
      action: 'attend',
      regionPath: course.regionPath,
      data: { sessionId: s.id },
    })),
  );
  return { recorded: rows.length };
}

/** 课后评价: 1–5 and a few words, by a learner of the course once the session has begun; sending again replaces it. */
export async function giveFeedback(a: ActionContext, input: { code: string; phone: string; rating: number; comment?: string }) {
  const s = await sessionByCode(a, input.code);
  if (a.now < s.startsAt)
    throw new AppError('training.invalid_state', { zh: '课程开始后才能评价。', en: 'Feedback opens when the session begins.' });
  const e = await enrolledLearner(a, s.courseId, input.phone);
  await a.tx
    .insert(sessionFeedback)
    .values({ sessionId: s.id, enrolmentId: e.id, rating: input.rating, comment: input.comment?.trim() || null, at: a.now })
    .onConflictDoUpdate({
      target: [sessionFeedback.sessionId, sessionFeedback.enrolmentId],
      set: { rating: input.rating, comment: input.comment?.trim() || null, at: a.now },
    });
  await audit(a, { resource: 'enrolment', resourceId: e.id, action: 'feedback', data: { sessionId: s.id, rating: input.rating } });
  return { rating: input.rating };
}
