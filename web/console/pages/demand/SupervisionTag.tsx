import { useApp } from '../../app-context';
import { Tone } from '../../tone';

/** 督办 on a list row: red for district level, yellow (orange) for township, plain when only flagged. */
export function SupervisionTag({ row }: { row: { supervised: boolean; supervisionLevel?: 'township' | 'district' | null } }) {
  const { t } = useApp();
  if (row.supervisionLevel) {
    return <Tone tone={row.supervisionLevel === 'district' ? 'red' : 'orange'}>{t(`supervision.${row.supervisionLevel}`)}</Tone>;
  }
  return row.supervised ? <Tone tone="purple">{t('supervise')}</Tone> : null;
}
