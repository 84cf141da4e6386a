import type { Catalogue } from '../../shared/i18n';

export const unlockMessages = {
  open: { 'zh-CN': '账号被锁定？用手机验证码解锁', en: 'Locked out? Unlock with a code to your phone' },
  title: { 'zh-CN': '短信解锁', en: 'Unlock by text' },
  help: {
    'zh-CN': '连续输错密码后账号会锁定 15 分钟。验证码将发到账号登记的手机上；没有登记手机的账号请联系管理员解锁。',
    en: 'After repeated wrong passwords an account is locked for 15 minutes. The code goes to the phone on the account; without one, ask an admin.',
  },
  username: { 'zh-CN': '用户名', en: 'Username' },
  code: { 'zh-CN': '短信验证码', en: 'Code from the text' },
  send: { 'zh-CN': '获取验证码', en: 'Send code' },
  sent: {
    'zh-CN': '如该账号登记了手机，验证码已发出，10 分钟内有效。',
    en: 'If the account has a phone, a code is on its way; it is valid for 10 minutes.',
  },
  unlock: { 'zh-CN': '解锁', en: 'Unlock' },
  unlocked: { 'zh-CN': '已解锁，请用密码重新登录。', en: 'Unlocked: sign in with your password.' },
} satisfies Catalogue;
