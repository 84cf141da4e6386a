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
 * Uses up a valid code for this phone, or refuses (wrong, expired, used, too many tries). A wrong
 * code counts as an attempt even though the action it guarded is rolled back.
 */
export async function consumeVerificationCode(a: ActionContext, phone: string, code: string): Promise<void> {
  const [v] = await a.tx
    .select()
    .from(phoneVerifications)
    .where(
      and(eq(phoneVerifications.phoneHash, phoneKey(phone)), isNull(phoneVerifications.usedAt), gt(phoneVerifications.expiresAt, a.now)),
    )
    .orderBy(desc(phoneVerifications.id))
    .limit(1);
  const refuse = () =>
    new AppError('request.invalid', {
      zh: '验证码不正确或已过期，请重新获取。',
      en: 'The code is wrong or has expired; request a new one.',
    });
  if (!v || v.attempts >= maxAttempts) throw refuse();
  if (v.codeHash !== sha256(code.trim())) {
    a.onRollback(async (db) => {
      await db
        .update(phoneVerifications)
        .set({ attempts: sql`${phoneVerifications.attempts} + 1` })
        .where(eq(phoneVerifications.id, v.id));
    });
    throw refuse();
  }
  await a.tx.update(phoneVerifications).set({ usedAt: a.now }).where(eq(phoneVerifications.id, v.id));
}
