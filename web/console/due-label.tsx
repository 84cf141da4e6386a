import { Tag } from 'antd';
import type { useApp } from './app-context';

/** Time left in the current stage, in words of the UI language; red when overdue, amber within a day. */
export function dueLabel(
  d: {
    stageDueAt: string | null;
    overdue: boolean;
    lateStep?: 'dispatch' | 'acknowledge' | 'reply' | 'callback' | null;
    dueStep?: 'dispatch' | 'acknowledge' | 'reply' | 'callback' | null;
  },
  t: ReturnType<typeof useApp>['t'],
) {
  if (!d.stageDueAt) return null;
  // Colours picked for at least 4.5:1 contrast; antd's preset tag colours fall short.
  // Which step is late says who is behind: the centre (派单, 回访) or the unit (签收, 答复).
  if (d.overdue)
    return (
      <Tag style={{ color: '#a8071a', background: '#fff1f0', borderColor: '#a8071a' }}>
        {d.lateStep ? t(`late.${d.lateStep}`) : t('overdue')}
      </Tag>
    );
  const ms = new Date(d.stageDueAt).getTime() - Date.now();
  const h = Math.floor(ms / 3_600_000);
  const text =
    h >= 48
      ? t('daysLeft', { n: Math.floor(h / 24) })
      : h >= 1
        ? t('hoursLeft', { n: h })
        : t('minutesLeft', { n: Math.max(1, Math.floor(ms / 60_000)) });
  // Which deadline this is: a handler sees 签收, then 答复, then (after replying) the centre's 回访 count down.
  const step = d.dueStep ? `${t(`step.${d.dueStep}`)} ` : '';
  return (
    <Tag style={h < 24 ? { color: '#7a3e00', background: '#fff4e0', borderColor: '#ad6800' } : undefined}>
      {step}
      {text}
    </Tag>
  );
}
