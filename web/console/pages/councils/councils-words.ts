import type { Catalogue } from '../../../shared/i18n';

/** The council pages' own words (the shared catalogue keeps the older ones). */
export const councilsWords = {
  notStarted: {
    'zh-CN': '会议尚未开始（{time} 开始），开始后才能登记到会和表决；议题可以先准备。',
    en: 'The meeting has not started ({time}); attendance and votes are taken once it starts. The agenda can be prepared now.',
  },
  announced: { 'zh-CN': '已安排会议，并已短信通知有手机号的席位成员。', en: 'Meeting scheduled; seat holders with a phone were texted.' },
  actionItems: { 'zh-CN': '行动项', en: 'Action items' },
  actionTitle: { 'zh-CN': '事项', en: 'Task' },
  ownerUnit: { 'zh-CN': '责任单位', en: 'Owner unit' },
  dueOn: { 'zh-CN': '完成期限', en: 'Due' },
  state: { 'zh-CN': '状态', en: 'State' },
  addActionItem: { 'zh-CN': '添加行动项', en: 'Add an action item' },
  remove: { 'zh-CN': '删除', en: 'Remove' },
  'state.open': { 'zh-CN': '办理中', en: 'Open' },
  'state.done': { 'zh-CN': '已完成', en: 'Done' },
  'state.overdue': { 'zh-CN': '已逾期', en: 'Overdue' },
  complete: { 'zh-CN': '标记完成', en: 'Mark done' },
  reopen: { 'zh-CN': '重新打开', en: 'Reopen' },
  supervised: { 'zh-CN': '督办', en: 'Supervised' },
  supervisedAt: { 'zh-CN': '{time} 督办：{reason}', en: 'Supervised {time}: {reason}' },
  chaseOverdue: { 'zh-CN': '检查逾期行动项', en: 'Check for overdue action items' },
  chased: { 'zh-CN': '已检查：{n} 项行动项逾期，已转督办。', en: 'Checked: {n} action item(s) overdue and put under supervision.' },
  person: { 'zh-CN': '责任人 {name}', en: 'Carried by {name}' },
} satisfies Catalogue;
