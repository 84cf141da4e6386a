import type { T } from '../app-context';

export type Receipt = { number: string; queryCode: string | null; phone: string; photoError: string | null };

export function DonePage({ t, receipt }: { t: T; receipt: Receipt }) {
  return (
    <section aria-labelledby="done-title">
      <h2 id="done-title">{t('doneTitle')}</h2>
      <div className="slip">
        <div>{t('doneNumber')}</div>
        <div className="big" data-testid="demand-number">
          {receipt.number}
        </div>
        {receipt.queryCode && (
          <>
            <div>{t('doneCode')}</div>
            <div className="big" data-testid="query-code">
              {receipt.queryCode}
            </div>
          </>
        )}
      </div>
      <p>{t('doneKeep')}</p>
      {receipt.photoError && (
        <p className="error" role="alert">
          {t('photosFailed', { reason: receipt.photoError })}
        </p>
      )}
      <div className="row no-print">
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
        <a
          className="button secondary"
          href="#/lookup"
          style={{ textAlign: 'center', textDecoration: 'none', display: 'inline-flex', alignItems: 'center', justifyContent: 'center' }}
        >
          {t('navLookup')}
        </a>
      </div>
    </section>
  );
}
