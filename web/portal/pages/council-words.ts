import type { Lang } from '../../shared/api';
import type { Catalogue } from '../../shared/i18n';

/** The community page's council words: coming meetings and action items' progress. */
export const councilWords = {
  upcomingTitle: { 'zh-CN': '议事会会议预告', en: 'Coming council meetings' },
  noUpcoming: { 'zh-CN': '近期没有已安排的议事会会议。', en: 'No council meeting is scheduled.' },
  when: { 'zh-CN': '时间', en: 'When' },
  where: { 'zh-CN': '地点', en: 'Where' },
  agenda: { 'zh-CN': '议题', en: 'Agenda' },
  agendaTbd: { 'zh-CN': '议题待定', en: 'Agenda to follow' },
  progress: { 'zh-CN': '行动项进度：{done} / {total} 项已完成', en: 'Action items: {done} of {total} done' },
  owner: { 'zh-CN': '责任单位 {owner}，{due} 前完成', en: '{owner}, due {due}' },
  'state.open': { 'zh-CN': '办理中', en: 'in progress' },
  'state.done': { 'zh-CN': '已完成', en: 'done' },
  'state.overdue': { 'zh-CN': '已逾期', en: 'overdue' },
  supervised: { 'zh-CN': '已督办', en: 'under supervision' },
} satisfies Catalogue;

export type CouncilWord = keyof typeof councilWords;

/** Reads a council word in the portal's language. */
export function councilWord(lang: Lang, key: CouncilWord, vars: Record<string, string | number> = {}) {
  let s = councilWords[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
