import type { Catalogue } from '../../shared/i18n';

/** The intake page's own words (the shared catalogue holds the older ones). */
export const intakeMessages = {
  ringing: { 'zh-CN': '来电 {phone}（线路 {line}）', en: 'Call from {phone} (line {line})' },
  ringingNoLine: { 'zh-CN': '来电 {phone}', en: 'Call from {phone}' },
  ringingHint: {
    'zh-CN': '号码已填入，来电人以往诉求见下方；受理后这通来电会关联到诉求。',
    en: 'The number is filled in and the caller’s earlier demands are below; the call is linked to the demand you register.',
  },
  dropCall: { 'zh-CN': '不关联这通来电', en: 'Do not link this call' },
  slipSummary: { 'zh-CN': '诉求内容', en: 'What was reported' },
  slipRegisteredAt: { 'zh-CN': '受理时间', en: 'Registered at' },
  slipOperator: { 'zh-CN': '受理人', en: 'Taken by' },
  slipReplyBy: { 'zh-CN': '预计答复前', en: 'Reply expected by' },
  slipRegion: { 'zh-CN': '所在区域', en: 'Region' },
  slipAddress: { 'zh-CN': '地址', en: 'Address' },
  slipCategory: { 'zh-CN': '问题分类', en: 'Category' },
  /** For the operator only (the printed slip leaves it out): the demand's own page, to act on it. */
  slipOpen: { 'zh-CN': '打开这件诉求 →', en: 'Open this demand →' },
} satisfies Catalogue;
