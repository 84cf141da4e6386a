import type { Catalogue } from '../../shared/i18n';

/** The reception pages' own words (the shared catalogue keeps the older ones). */
export const receptionWords = {
  followUp: { 'zh-CN': '跟进', en: 'Follow-up' },
  followingUp: { 'zh-CN': '跟进中：{open} / {raised} 项未办结', en: 'Following up: {open} of {raised} open' },
  allClosed: { 'zh-CN': '全部办结', en: 'All closed' },
  nothingRaised: { 'zh-CN': '尚无诉求', en: 'Nothing raised' },
  reportFollowingUp: {
    'zh-CN': '尚有 {open} 项未办结，本表随办理进度更新，直至全部办结。',
    en: '{open} item(s) still open; this report follows them until all are closed.',
  },
  reportAllClosed: { 'zh-CN': '本次接待日反映的事项已全部办结。', en: 'Every item raised at this session is closed.' },
  // At a reception day the resident came in person: not a caller.
  visitorName: { 'zh-CN': '来访人', en: 'Visitor' },
} satisfies Catalogue;
