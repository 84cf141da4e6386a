import type { Catalogue } from '../../shared/i18n';

/** The words of 一类事 that say what an action did. */
export const topicsWords = {
  refreshed: { 'zh-CN': '已重新归类，共 {n} 类事', en: 'Regrouped into {n} topics' },
  promoted: { 'zh-CN': '已立专项：{title}', en: 'Initiative: {title}' },
  promotedDone: { 'zh-CN': '已立为治理专项「{title}」，含 {n} 件诉求', en: 'Initiative “{title}” made with {n} demands' },
  answered: {
    'zh-CN': '已集中答复 {n} 件诉求，居民将收到短信',
    en: 'Answered {n} demands at once; the residents will get a text',
  },
  removed: { 'zh-CN': '已将 {number} 移出专项', en: '{number} taken out of the initiative' },
} satisfies Catalogue;
