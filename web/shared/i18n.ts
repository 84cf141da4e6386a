import { useCallback, useState } from 'react';
import { currentLang, type Lang, saveLang } from './api';

/** Every UI string lives in a catalogue: zh-CN first, English second. */
export type Catalogue = Record<string, { 'zh-CN': string; en: string }>;

export function useI18n<C extends Catalogue>(catalogue: C) {
  const [lang, setLangState] = useState<Lang>(currentLang());
  const t = useCallback(
    (key: keyof C, vars: Record<string, string | number> = {}) => {
      const entry = catalogue[key];
      let s = entry ? entry[lang] : String(key);
      for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    },
    [catalogue, lang],
  );
  const setLang = (l: Lang) => {
    saveLang(l);
    setLangState(l);
    document.documentElement.lang = l;
  };
  return { t, lang, setLang };
}

export const stateNames: Catalogue = {
  registered: { 'zh-CN': '已受理', en: 'Registered' },
  dispatched: { 'zh-CN': '已派单', en: 'Dispatched' },
  acknowledged: { 'zh-CN': '办理中', en: 'Being handled' },
  returned: { 'zh-CN': '已退单', en: 'Returned' },
  replied: { 'zh-CN': '已答复', en: 'Replied' },
  callback_done: { 'zh-CN': '已回访', en: 'Called back' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  merged: { 'zh-CN': '已合并', en: 'Merged' },
};

export const actionNames: Catalogue = {
  register: { 'zh-CN': '受理登记', en: 'Registered' },
  dispatch: { 'zh-CN': '派单给承办单位', en: 'Sent to the handling unit' },
  acknowledge: { 'zh-CN': '承办单位签收', en: 'Taken on by the unit' },
  return: { 'zh-CN': '退回重新派单', en: 'Returned for re-routing' },
  reply: { 'zh-CN': '承办单位答复', en: 'The unit replied' },
  answer_directly: { 'zh-CN': '直接答复', en: 'Answered directly' },
  record_callback: { 'zh-CN': '回访', en: 'Callback' },
  close: { 'zh-CN': '办结', en: 'Closed' },
  reopen: { 'zh-CN': '重新办理', en: 'Reopened' },
  merge: { 'zh-CN': '与相同诉求合并', en: 'Merged with the same demand' },
  decline: { 'zh-CN': '不予受理', en: 'Declined' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdrawn' },
  request_extension: { 'zh-CN': '申请延期', en: 'Extension requested' },
  decide_extension: { 'zh-CN': '延期审批', en: 'Extension decided' },
  supervise: { 'zh-CN': '督办', en: 'Supervision' },
  remind: { 'zh-CN': '催办', en: 'Reminder sent' },
  escalate: { 'zh-CN': '超期自动升级督办', en: 'Escalated for being overdue' },
  assist_acknowledge: { 'zh-CN': '协办单位签收', en: 'Assisting unit signed' },
  contribute: { 'zh-CN': '协办单位提交意见', en: 'Assisting unit sent its part' },
  end_assist: { 'zh-CN': '解除协办', en: 'Assist released' },
  request_transfer: { 'zh-CN': '申请转办', en: 'Transfer asked' },
  accept_transfer: { 'zh-CN': '接收转办', en: 'Transfer accepted' },
  decline_transfer: { 'zh-CN': '拒绝转办', en: 'Transfer declined' },
  callback_attempt: { 'zh-CN': '回访未接通', en: 'Callback not reached' },
  rate_merged: { 'zh-CN': '合并办理的答复已评价', en: 'Answer of the merged demand rated' },
  attach: { 'zh-CN': '添加附件', en: 'Attachment added' },
};

export const formatTime = (iso: string | null, lang: Lang) =>
  iso
    ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour12: false,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';

/** A calendar day (2026-11-10) written as `formatTime` writes a day, so that one page never shows two styles. */
export const formatDay = (day: string | null | undefined, lang: Lang) => {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return lang === 'en' ? `${d}/${m}/${y}` : `${y}/${m}/${d}`;
};

/** A span of days, one day written once (2026/01/10, not 2026/01/10 – 2026/01/10). */
export const formatDays = (from: string | null | undefined, to: string | null | undefined, lang: Lang) =>
  from === to || !to ? formatDay(from, lang) : `${formatDay(from, lang)} – ${formatDay(to, lang)}`;
