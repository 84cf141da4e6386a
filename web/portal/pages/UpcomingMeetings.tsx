import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/api';
import { client, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { councilWord } from './council-words';

/** 会议预告: the community's scheduled council meetings, so residents know when and where to come, and what is on. */
export function UpcomingMeetings({ lang, regionId }: { lang: Lang; regionId: number }) {
  const [items, setItems] = useState<Schemas['UpcomingMeeting'][] | null>(null);
  useEffect(() => {
    void client.GET('/public/meetings', { query: { regionId } }).then((r) => setItems(r.items));
  }, [regionId]);
  const w = (key: Parameters<typeof councilWord>[1], vars?: Record<string, string | number>) => councilWord(lang, key, vars);
  if (!items) return null;
  return (
    <>
      <h3>{w('upcomingTitle')}</h3>
      {items.length === 0 && <p>{w('noUpcoming')}</p>}
      {items.map((m) => (
        <article className="card" key={m.id} data-testid={`upcoming-${m.id}`}>
          <div className="meta">{m.council}</div>
          <h4 className="pre">{m.title}</h4>
          <p>
            {w('when')}：{formatTime(m.startsAt, lang)}
            <br />
            {w('where')}：{m.place}
          </p>
          {m.agenda.length === 0 ? (
            <p className="meta">{w('agendaTbd')}</p>
          ) : (
            <>
              <div className="meta">{w('agenda')}</div>
              <ol>
                {m.agenda.map((a, i) => (
                  <li key={i} className="pre">
                    {a}
                  </li>
                ))}
              </ol>
            </>
          )}
        </article>
      ))}
    </>
  );
}
