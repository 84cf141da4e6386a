import type { Catalogue } from '../../../shared/i18n';

/** The words of the 类案答复 list in the reply dialog. */
export const similarRepliesMessages = {
  title: { 'zh-CN': '类案答复', en: 'Replies to similar demands' },
  hint: { 'zh-CN': '本区已答复的相似诉求，可引用后修改', en: 'Answered demands like this one: quote a reply, then adapt it' },
  quote: { 'zh-CN': '引用', en: 'Quote' },
  noUnit: { 'zh-CN': '直接答复', en: 'Answered directly' },
  similarity: { 'zh-CN': '相似度 {p}%', en: '{p}% similar' },
  more: { 'zh-CN': '展开', en: 'More' },
} satisfies Catalogue;
