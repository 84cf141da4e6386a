import type { Catalogue } from '../../../shared/i18n';

/** The words of 批量派单: its confirmation and its outcome per demand. */
export const bulkDispatchWords = {
  confirmTitle: { 'zh-CN': '确认批量派单', en: 'Confirm dispatch' },
  toUnit: { 'zh-CN': '{n} 件诉求派给 {unit}', en: '{n} demands go to {unit}' },
  toOwnUnits: {
    'zh-CN': '{n} 件诉求不指定单位，各由属地镇街首接负责',
    en: '{n} demands go to the township of each place (首接负责)',
  },
  previewOf: { 'zh-CN': '以第一件 {number} 为例，本次派单将设定：', en: 'For the first, {number}, this dispatch would set:' },
  deadlines: { 'zh-CN': '签收时限 {ack}；答复时限 {reply}', en: 'Acknowledge by {ack}; reply by {reply}' },
  previewFailed: { 'zh-CN': '无法预估时限：{message}', en: 'Deadlines unknown: {message}' },
  confirm: { 'zh-CN': '确认派单', en: 'Dispatch' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  resultTitle: { 'zh-CN': '派单结果：成功 {ok} 件，未派出 {failed} 件', en: 'Dispatched {ok}, not dispatched {failed}' },
  resultOk: { 'zh-CN': '已派单', en: 'Dispatched' },
  resultFailed: { 'zh-CN': '未派出：{message}', en: 'Not dispatched: {message}' },
  close: { 'zh-CN': '关闭', en: 'Close' },
} satisfies Catalogue;
