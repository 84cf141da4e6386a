import type { Catalogue } from '../../shared/i18n';

export const demoSmsMessages = {
  title: { 'zh-CN': '演示短信箱', en: 'Demo SMS inbox' },
  intro: {
    'zh-CN': '演示环境没有接入短信服务商：居民本应收到的短信（含验证码、查询码）都列在这里，可用来试用提议、附议和课程报名。',
    en: 'This demo has no SMS provider: the texts residents would have received (codes included) are listed here, to try proposals, seconding and course enrolment.',
  },
  unavailable: {
    'zh-CN': '只有未接入短信服务商的演示环境才有演示短信箱。',
    en: 'The demo SMS inbox exists only in a demo with no SMS provider.',
  },
  phone: { 'zh-CN': '手机号', en: 'Phone' },
  text: { 'zh-CN': '短信内容', en: 'Text' },
  at: { 'zh-CN': '时间', en: 'At' },
  refresh: { 'zh-CN': '刷新', en: 'Refresh' },
  empty: { 'zh-CN': '还没有短信。', en: 'No texts yet.' },
} satisfies Catalogue;
