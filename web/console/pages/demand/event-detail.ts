import type { Schemas } from '../../../shared/client';
import type { useApp } from '../../app-context';
import type { messages } from '../../messages';

type Key = keyof typeof messages;
type T = ReturnType<typeof useApp>['t'];
type Event = Schemas['DemandDetail']['events'][number];

/** What an entry of the timeline decided, in words: the unit, the callback's answer, the days granted, the reply. */
export function eventDetail(e: Event, t: T): string | null {
  const x = e.data ?? {};
  switch (e.action) {
    case 'dispatch': {
      if (!x.unitName) return null;
      const helpers = Array.isArray(x.assistingUnits) ? (x.assistingUnits as { name: string }[]).map((h) => h.name).join('、') : '';
      return `${t('dispatchedTo')}${String(x.unitName)}${helpers ? `；${t('assistsTitle')}：${helpers}` : ''}`;
    }
    case 'record_callback':
      return `${t(String(x.satisfaction) as Key)} · ${x.solved ? t('solvedYes') : t('solvedNo')}`;
    case 'request_extension':
      return t('extensionAsked').replace('{n}', String(x.extraWorkdays));
    case 'decide_extension':
      return (x.approved ? t('extensionApproved') : t('extensionDenied')).replace('{n}', String(x.extraWorkdays));
    case 'reply':
    case 'answer_directly':
      return typeof x.reply === 'string' ? x.reply : null;
    case 'merge':
      return x.intoNumber ? `${t('mergedInto')}：${String(x.intoNumber)}` : null;
    case 'contribute':
      return typeof x.contribution === 'string' ? x.contribution : null;
    case 'request_transfer':
    case 'decline_transfer':
      return x.toUnitName ? `${t('transferTo')}：${String(x.toUnitName)}` : null;
    case 'accept_transfer':
      return x.unitName ? `${t('dispatchedTo')}${String(x.unitName)}` : null;
    case 'supervise':
    case 'escalate':
      return x.level ? t(`supervision.${String(x.level)}` as Key) : null;
    case 'remind':
      return t('reminders').replace('{n}', String(x.reminders));
    default:
      return null;
  }
}
