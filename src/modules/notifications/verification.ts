import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import { newQueryCode, normalizePhone } from '../demands/index.js';
import { outboxMessages, phoneVerifications } from './tables.js';

const ttlMs = 10 * 60 * 1000;
const maxAttempts = 5;

/** Hash of a normalised phone number: enough to tell residents apart, without keeping the number. */
export const phoneKey = (phone: string) => sha256(`phone:${normalizePhone(phone)}`);

/** Sends (via the outbox) a six-digit code valid for ten minutes. */
export async function sendVerificationCode(db: Db, phone: string, now: Date): Promise<void> {
  const code = newQueryCode();
  await db.transaction(async (tx) => {
    await tx.insert(phoneVerifications).values({ phoneHash: phoneKey(phone), codeHash: sha256(code), expiresAt: new Date(now.getTime() + ttlMs) });
    await tx.insert(outboxMessages).values({ channel: 'sms', recipient: normalizePhone(phone), body: `【听见】您的验证码是 ${code}，10 分钟内有效。`, createdAt: now });
  });
}

/** Uses up a valid code for this phone, or refuses (wrong, expired, used, too many tries). */
export async function consumeVerificationCode(db: Db | Tx, phone: string, code: string, now: Date): Promise<void> {
  const [v] = await db
    .select()
    .from(phoneVerifications)
    .where(and(eq(phoneVerifications.phoneHash, phoneKey(phone)), isNull(phoneVerifications.usedAt), gt(phoneVerifications.expiresAt, now)))
    .orderBy(desc(phoneVerifications.id))
    .limit(1);
  const refuse = () => new AppError('request.invalid', { zh: '验证码不正确或已过期，请重新获取。', en: 'The code is wrong or has expired; request a new one.' });
  if (!v || v.attempts >= maxAttempts) throw refuse();
  if (v.codeHash !== sha256(code.trim())) {
    await db.update(phoneVerifications).set({ attempts: v.attempts + 1 }).where(eq(phoneVerifications.id, v.id));
    throw refuse();
  }
  await db.update(phoneVerifications).set({ usedAt: now }).where(eq(phoneVerifications.id, v.id));
}
