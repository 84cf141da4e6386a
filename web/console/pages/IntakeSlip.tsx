import { createPortal } from 'react-dom';
import { formatTime } from '../../shared/i18n';
import { useApp } from '../app-context';
import { usePageMessages } from '../page-messages';
import { intakeMessages } from './intake-messages';
import './intake-slip.css';

export type Slip = {
  id: number;
  number: string;
  queryCode: string | null;
  qr: string;
  content: string;
  regionName: string;
  /** As taken down; empty when none was given. */
  address: string;
  categoryName: string | null;
  createdAt: string;
  /** The latest the reply falls due (the server works it out from the dispatch deadline and the time limits). */
  replyBy: string | null;
  operator: string;
};

/** 受理回执: what the caller or visitor is told to keep — number, query code, what was taken down and when. */
function SlipBody({ slip, printed }: { slip: Slip; printed?: boolean }) {
  const { t, lang } = useApp();
  const p = usePageMessages(intakeMessages);
  const summary = slip.content.length > 120 ? `${slip.content.slice(0, 120)}…` : slip.content;
  return (
    <div className="intake-slip" style={{ textAlign: 'center' }} data-testid={printed ? undefined : 'slip'}>
      {printed && <h1 style={{ fontSize: 20 }}>{t('slipTitle')}</h1>}
      <p>{t('number')}</p>
      <p style={{ fontSize: 28, fontWeight: 700 }} data-testid={printed ? undefined : 'slip-number'}>
        {slip.number}
      </p>
      {slip.queryCode && (
        <>
          <p>{t('queryCode')}</p>
          <p style={{ fontSize: 28, fontWeight: 700 }}>{slip.queryCode}</p>
        </>
      )}
      <dl>
        <dt>{p('slipSummary')}</dt>
        <dd>{summary}</dd>
        <dt>{p('slipRegion')}</dt>
        <dd>{slip.regionName}</dd>
        {slip.address && (
          <>
            <dt>{p('slipAddress')}</dt>
            <dd>{slip.address}</dd>
          </>
        )}
        {slip.categoryName && (
          <>
            <dt>{p('slipCategory')}</dt>
            <dd>{slip.categoryName.split('/').at(-1)}</dd>
          </>
        )}
        <dt>{p('slipRegisteredAt')}</dt>
        <dd>{formatTime(slip.createdAt, lang)}</dd>
        <dt>{p('slipOperator')}</dt>
        <dd>{slip.operator}</dd>
        {slip.replyBy && (
          <>
            <dt>{p('slipReplyBy')}</dt>
            <dd>{formatTime(slip.replyBy, lang)}</dd>
          </>
        )}
      </dl>
      <img src={slip.qr} alt={t('slipHint')} width={160} height={160} />
      <p>{t('slipHint')}</p>
      {!printed && <a href={`#/demand/${slip.id}`}>{p('slipOpen')}</a>}
    </div>
  );
}

/** The slip in the dialog, and a copy beside the page that is the only thing printed. */
export function IntakeSlip({ slip }: { slip: Slip }) {
  return (
    <>
      <SlipBody slip={slip} />
      {createPortal(
        <div className="intake-slip-print" aria-hidden="true">
          <SlipBody slip={slip} printed />
        </div>,
        document.body,
      )}
    </>
  );
}
