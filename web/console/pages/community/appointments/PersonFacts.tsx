import { Tone } from '../../../tone';
import { stateTone } from './labels';
import { useAppointmentT } from './messages';
import type { AppointeeRow } from './types';

/** One candidate or appointee in a few lines: state in words, how they came, term and letter, pairing, why it ended. */
export function PersonFacts({ who }: { who: AppointeeRow }) {
  const t = useAppointmentT();
  const lines = [
    `${t(`nominatedBy.${who.nominatedBy}`)} · ${who.background}`,
    who.termStart && who.termEnd ? t('term', { from: who.termStart, to: who.termEnd }) : null,
    who.letterNo ? t('letterNo', { no: who.letterNo }) : null,
    who.state === 'appointed' ? (who.supportName ? t('support', { name: who.supportName }) : t('unpaired')) : null,
    who.reviewNote ? t('reviewNote', { note: who.reviewNote }) : null,
    who.endedOn ? t('ended', { on: who.endedOn, reason: who.endReason ?? '—' }) : null,
  ].filter((l): l is string => l !== null);
  return (
    <div>
      <Tone tone={stateTone[who.state]}>{t(`state.${who.state}`)}</Tone>
      {lines.map((l) => (
        <div key={l} style={{ color: '#444', overflowWrap: 'anywhere' }}>
          {l}
        </div>
      ))}
    </div>
  );
}
