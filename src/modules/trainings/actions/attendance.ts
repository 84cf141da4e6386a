import { and, eq, inArray } from 'drizzle-orm';
import { type ActionContext, audit, auditMany } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { sha256 } from '../../../lib/hash.js';
import { maskName } from '../../../lib/redact.js';
import { consumeVerificationCode, phoneKey } from '../../notifications/index.js';
import { newReceiptToken } from '../receipt-token.js';
import { enrolmentStatesAllowing } from '../rules/lifecycle.js';
import { loadCourse } from '../store.js';
import { attendance, courseSessions, enrolments, sessionFeedback } from '../tables.js';

const window = 60 * 60_000;

async function sessionByCode(a: ActionContext, code: string) {
  const [s] = await a.tx.select().from(courseSessions).where(eq(courseSessions.checkinCode, code));
  if (!s)
    throw new AppError('not_found', { zh: '签到码无效，请扫描现场的二维码。', en: 'Unknown check-in code; scan the code at the door.' });
  return s;
}

/**
 * How a learner proves who they are at the door: the receipt token their phone kept from enrolling, or their
 * phone with a code sent to it just now. Knowing someone's number is not enough.
 */
export type LearnerProof = { token?: string; phone?: string; smsCode?: string };

/**
 * The enrolled learner the proof belongs to. A phone proven by code gets a fresh receipt token (returned once),
 * so the same page can rate the session afterwards without a second code.
 */
async function provenLearner(a: ActionContext, courseId: number, proof: LearnerProof) {
  const enrolled = (match: ReturnType<typeof eq>) =>
    a.tx
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.courseId, courseId), match, inArray(enrolments.state, enrolmentStatesAllowing('attend'))))
      .then((rows) => rows[0]);
  if (proof.token) {
    const e = await enrolled(eq(enrolments.tokenHash, sha256(proof.token)));
    if (!e)
      throw new AppError('training.not_enrolled', {
        zh: '本机保存的报名凭证无效，请用报名手机号获取验证码后签到。',
        en: 'The enrolment receipt on this phone is not valid; prove your phone with a code instead.',
      });
    return { e, token: null };
  }
  if (!proof.phone || !proof.smsCode)
    throw new AppError('request.invalid', {
      zh: '请用报名时的手机获取验证码，或在报名用的手机上签到。',
      en: 'Prove the enrolment: a code sent to the enrolled phone, or the phone you enrolled with.',
    });
  await consumeVerificationCode(a, proof.phone, proof.smsCode);
  const e = await enrolled(eq(enrolments.phoneHash, phoneKey(proof.phone)));
  if (!e) throw new AppError('training.not_enrolled');
  const receipt = newReceiptToken();
  await a.tx.update(enrolments).set({ tokenHash: receipt.hash }).where(eq(enrolments.id, e.id));
  return { e, token: receipt.token };
}

/**
 * 扫码签到: the learner scanned the session's QR and proved the enrolment; open from an hour before the start to
 * an hour after the end. Twice is once. The name comes back masked, and only after the proof.
 */
export async function checkIn(a: ActionContext, input: { code: string } & LearnerProof) {
  const s = await sessionByCode(a, input.code);
  if (a.now.getTime() < s.startsAt.getTime() - window || a.now.getTime() > s.endsAt.getTime() + window) {
    throw new AppError('training.invalid_state', {
      zh: '不在签到时间内（开课前 1 小时至下课后 1 小时）。',
      en: 'Check-in is open from an hour before to an hour after the session.',
    });
  }
  const { e, token } = await provenLearner(a, s.courseId, input);
  const [row] = await a.tx
    .insert(attendance)
    .values({ sessionId: s.id, enrolmentId: e.id, method: 'qr', at: a.now })
    .onConflictDoNothing()
    .returning();
  const answer = { sessionId: s.id, name: maskName(e.name) ?? '', already: !row, ...(token ? { token } : {}) };
  if (!row) {
    if (token) await audit(a, { resource: 'enrolment', resourceId: e.id, action: 'prove_phone', data: { sessionId: s.id } });
    else a.unchanged();
    return answer;
  }
  await audit(a, { resource: 'enrolment', resourceId: e.id, action: 'check_in', data: { sessionId: s.id } });
  return answer;
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
    .where(
      and(eq(enrolments.courseId, course.id), inArray(enrolments.state, enrolmentStatesAllowing('attend')), inArray(enrolments.id, ids)),
    );
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

/** 课后评价: 1–5 and a few words, by a learner of the course (proven as at check-in) once the session has begun; sending again replaces it. */
export async function giveFeedback(a: ActionContext, input: { code: string; rating: number; comment?: string } & LearnerProof) {
  const s = await sessionByCode(a, input.code);
  if (a.now < s.startsAt)
    throw new AppError('training.invalid_state', { zh: '课程开始后才能评价。', en: 'Feedback opens when the session begins.' });
  const { e, token } = await provenLearner(a, s.courseId, input);
  await a.tx
    .insert(sessionFeedback)
    .values({ sessionId: s.id, enrolmentId: e.id, rating: input.rating, comment: input.comment?.trim() || null, at: a.now })
    .onConflictDoUpdate({
      target: [sessionFeedback.sessionId, sessionFeedback.enrolmentId],
      set: { rating: input.rating, comment: input.comment?.trim() || null, at: a.now },
    });
  await audit(a, { resource: 'enrolment', resourceId: e.id, action: 'feedback', data: { sessionId: s.id, rating: input.rating } });
  return { rating: input.rating, ...(token ? { token } : {}) };
}
