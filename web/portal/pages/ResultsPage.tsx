import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/api';
import { type Answer, client, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import type { T } from '../app-context';
import { ListState, loadFailure } from './ListState';

type Published = Answer<'/public/assessments', 'get'>['items'][number];
type Results = Schemas['PublicAssessmentResults'];

/** 考评公示: what audits, reviews and competitions found, once published — rates with their intervals and rankings, no records. */
export function ResultsPage({ t, lang }: { t: T; lang: Lang }) {
  const rectificationLine = (r: { open: number; submitted: number; closed: number }) => {
    const total = r.open + r.submitted + r.closed;
    return total === 0 ? t('rectificationNone') : t('rectificationLine', { closed: r.closed, total });
  };
  const [items, setItems] = useState<Published[]>([]);
  const [open, setOpen] = useState<Results | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    void client.GET('/public/assessments').then(
      (r) => setItems(r.items),
      (e: unknown) => setFailed(loadFailure(e, t)),
    );
  }, [t]);
  const show = async (id: number) => setOpen(open?.id === id ? null : await client.GET('/public/assessments/{id}', { path: { id } }));
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('resultsTitle')}</h2>
      <p className="hint">{t('resultsHint')}</p>
      <ListState t={t} failed={failed} empty={items.length === 0} />
      {items.map((a) => (
        <article className="card" key={a.id}>
          <h3>{a.title}</h3>
          <div className="meta">
            {a.region}
            {a.period ? ` · ${a.period}` : ''} · {t('publishedOn')} {formatTime(a.publishedAt, lang)}
          </div>
          <button
            type="button"
            className="secondary"
            style={{ marginTop: 8 }}
            onClick={() => void show(a.id)}
            aria-expanded={open?.id === a.id}
          >
            {t('seeResults')}
          </button>
          {open?.id === a.id && (
            <div style={{ marginTop: 8 }}>
              {open.qualification?.rate && (
                <p>
                  {t('qualifiedLine', {
                    qualified: open.qualification.qualified,
                    assessed: open.qualification.assessed,
                    rate: open.qualification.rate.rate,
                    low: open.qualification.rate.low,
                    high: open.qualification.rate.high,
                  })}
                </p>
              )}
              {open.ranking && (
                <ol>
                  {open.ranking.map((r) => (
                    <li key={`${r.rank}-${r.name}`} value={r.rank}>
                      {r.name} — {r.final}
                    </li>
                  ))}
                </ol>
              )}
              <p className="meta">{rectificationLine(open.rectification)}</p>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
