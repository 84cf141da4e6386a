import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type ActionContext, audit, enqueueSms } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import { isMainlandMobile, isMobileBeyondMainland } from '../../lib/phone.js';
import { newQueryCode, normalizePhone } from '../demands/index.js';
import { getSetting } from '../settings/index.js';
import { phoneVerifications } from './tables.js';

const ttlMs = 10 * 60 * 1000;
const maxAttempts = 5;

/** Hash of a normalised phone number: enough to tell residents apart, without keeping the number. */
export const phoneKey = (phone: string) => sha256(`phone:${normalizePhone(phone)}`);

/** Sends (via the outbox) a six-digit code valid for ten minutes. The trail keeps the phone's hash, not the number. */
export async function sendVerificationCode(a: ActionContext, opts: { phone: string }): Promise<void> {
  const phone = normalizePhone(opts.phone);
  const abroad = isMobileBeyondMainland(phone) && (await getSetting(a.tx, 'sms.codesBeyondMainland'));
  if (!isMainlandMobile(phone) && !abroad)
    throw new AppError('request.invalid', {
      zh: '验证码只能发送到中国大陆手机号码（13–19 开头的 11 位号码）。',
      en: 'Codes are sent only to mainland China mobile numbers (11 digits starting 13–19).',
      details: { field: 'phone' },
    });
  const code = newQueryCode();
  const [v] = await a.tx
    .insert(phoneVerifications)
    .values({ phoneHash: phoneKey(opts.phone), codeHash: sha256(code), expiresAt: new Date(a.now.getTime() + ttlMs) })
    .returning({ id: phoneVerifications.id });
  await enqueueSms(a, { to: normalizePhone(opts.phone), template: 'code', params: { code } });
  await audit(a, { resource: 'phone_verification', resourceId: v.id, action: 'send_code' });
}

/**
 * Uses up a valid code for this phone, or refuses (wrong, expired, used, too many tries). Every try
 * counts, right or wrong: the code's row is locked, its count raised and, for a wrong code, kept
 * though the action is refused — so concurrent guesses queue on the row and the sixth is refused
 * whatever the timing. Call it before the action changes anything.
 */
export async function consumeVerificationCode(a: ActionContext, phone: string, code: string): Promise<void> {
  const refuse = () =>
    new AppError('request.invalid', {
      zh: '验证码不正确或已过期，请重新获取。',
      en: 'The code is wrong or has expired; request a new one.',
    });
  const [v] = await a.tx
    .select()
    .from(phoneVerifications)
    .where(
      and(eq(phoneVerifications.phoneHash, phoneKey(phone)), isNull(phoneVerifications.usedAt), gt(phoneVerifications.expiresAt, a.now)),
    )
    .orderBy(desc(phoneVerifications.id))
    .limit(1)
    .for('update');
  // Read again under the lock: a try that waited for it sees the count the one before it committed.
  if (!v || v.usedAt || v.attempts >= maxAttempts) throw refuse();
  const right = v.codeHash === sha256(code.trim());
  await a.tx
    .update(phoneVerifications)
    .set({ attempts: sql`${phoneVerifications.attempts} + 1`, ...(right ? { usedAt: a.now } : {}) })
    .where(eq(phoneVerifications.id, v.id));
  if (right) return;
  await audit(a, { resource: 'phone_verification', resourceId: v.id, action: 'wrong_code' });
  a.refuseKeeping(refuse());
}
