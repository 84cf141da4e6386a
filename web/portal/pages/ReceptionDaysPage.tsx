import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/api';
import { type Answer, client } from '../../shared/client';
import { formatTime, stateNames } from '../../shared/i18n';
import type { T } from '../app-context';
import { ListState, loadFailure } from './ListState';

type Session = Answer<'/public/reception-days', 'get'>['items'][number];
type Report = Answer<'/public/reception-days/{id}/report', 'get'>;

/** 接待日 on the portal: when and where officials sit down to listen, and what came of it. */
export function ReceptionDaysPage({ t, lang }: { t: T; lang: Lang }) {
  const [sessions, setSessions] = useState<Session[]>([]);
  const [open, setOpen] = useState<{ id: number; report: Report } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    void client.GET('/public/reception-days').then(
      (r) => setSessions(r.items),
      (e: unknown) => setFailed(loadFailure(e, t)),
    );
  }, [t]);
  const show = async (id: number) => setOpen({ id, report: await client.GET('/public/reception-days/{id}/report', { path: { id } }) });
  return (
    <section aria-labelledby="rd-title">
      <h2 id="rd-title">{t('receptionTitle')}</h2>
      <p className="hint">{t('receptionHint')}</p>
      <ListState t={t} failed={failed} empty={sessions.length === 0} />
      {sessions.map((s) => (
        <article className="card" key={s.id}>
          <h3>{s.title}</h3>
          <div>
            {formatTime(s.startsAt, lang)} – {formatTime(s.endsAt, lang)}
          </div>
          <div className="meta">
            {s.region} · {s.place} · {t('receivedBy')}
            {s.hosts}
          </div>
          {s.reportPublished && (
            <button type="button" className="secondary" style={{ marginTop: 8 }} onClick={() => void show(s.id)}>
              {t('seeReport')}
            </button>
          )}
          {open?.id === s.id && (
            <div style={{ marginTop: 8 }}>
              <p>{t('reportCounts', open.report.counts)}</p>
              <ol>
                {open.report.items.map((i) => (
                  <li key={i.number}>
                    <span className="pre">{i.title}</span> — {stateNames[i.state]?.[lang] ?? i.state}
                    {i.unit ? ` · ${i.unit}` : ''}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
