import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { isMainlandMobile } from '../../../lib/phone.js';
import { findAccount } from '../../accounts/index.js';
import { consumeVerificationCode, sendVerificationCode } from '../verification.js';

// Here, beside the codes, not in accounts: accounts sits below every module that sends a text.
const byUsername = (a: ActionContext, username: string) => findAccount(a.tx, username);

/**
 * 短信解锁, step one: a code to the phone on the account, so that someone locked out by another's wrong passwords
 * need not wait for an admin. The caller learns nothing of whether the account exists or has a phone: the answer is
 * the same, and only a real account with a mainland mobile gets a text.
 */
export async function sendUnlockCode(a: ActionContext, input: { username: string }): Promise<void> {
  const user = await byUsername(a, input.username);
  if (!user || user.disabledAt || !user.phone || !isMainlandMobile(user.phone)) {
    a.unchanged();
    return;
  }
  await sendVerificationCode(a, { phone: user.phone });
}

/** 短信解锁, step two: the code sent to the account's phone lifts its sign-in lock (the route clears the counter). */
export async function unlockWithCode(a: ActionContext, input: { username: string; code: string }) {
  const user = await byUsername(a, input.username);
  if (!user || user.disabledAt || !user.phone)
    throw new AppError('request.invalid', {
      zh: '验证码不正确或已过期，请重新获取。',
      en: 'The code is wrong or has expired; request a new one.',
    });
  await consumeVerificationCode(a, user.phone, input.code);
  await audit(a, { resource: 'user', resourceId: user.id, action: 'unlock', data: { by: 'phone' } });
  return user;
}
