import { useEffect, useState } from 'react';
import { ApiError, type Lang } from '../../shared/api';
import { client, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import type { T } from '../app-context';

type Session = Schemas['CheckInSession'];

/** The page the QR at the door opens: the learner types their phone and is checked in; then may rate the session. */
export function CheckInPage({ t, lang, code }: { t: T; lang: Lang; code: string }) {
  const [session, setSession] = useState<Session | null>(null);
  const [phone, setPhone] = useState(() => localStorage.getItem('tj.learnerPhone') ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [rated, setRated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));
  useEffect(() => {
    client
      .GET('/public/check-ins/{code}', { path: { code: encodeURIComponent(code) } })
      .then(setSession, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [code]);
  const checkIn = async () => {
    try {
      const r = await client.POST('/public/check-ins', { body: { code, phone } });
      // Remembered on this phone only, so the next lesson's scan is one tap.
      localStorage.setItem('tj.learnerPhone', phone);
      setDone(r.already ? t('alreadyCheckedIn', { name: r.name }) : t('checkedIn', { name: r.name }));
      setError(null);
    } catch (e) {
      fail(e);
    }
  };
  const rate = async () => {
    try {
      await client.POST('/public/session-feedback', { body: { code, phone, rating, comment: comment || undefined } });
      setRated(true);
      setError(null);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <section aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('checkinTitle')}</h2>
      {session && (
        <article className="card">
          <h3>{session.course}</h3>
          <div>{session.topic}</div>
          <div className="meta">
            {formatTime(session.startsAt, lang)} – {formatTime(session.endsAt, lang)} · {session.place}
          </div>
        </article>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {done ? (
        <>
          <p role="status" className="notice">
            {done}
          </p>
          {rated ? (
            <p role="status">{t('rateThanks')}</p>
          ) : (
            <fieldset className="card">
              <legend>{t('rateTitle')}</legend>
              <div className="stars">
                {[1, 2, 3, 4, 5].map((n) => (
                  <button key={n} type="button" className="secondary" aria-pressed={rating === n} onClick={() => setRating(n)}>
                    {t('rateStars', { n })}
                  </button>
                ))}
              </div>
              <label htmlFor="rate-comment">{t('comment')}</label>
              <textarea id="rate-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} />
              <button type="button" className="primary-action" disabled={rating === 0} onClick={() => void rate()}>
                {t('rateSend')}
              </button>
            </fieldset>
          )}
        </>
      ) : (
        session && (
          <div className="card">
            <label htmlFor="checkin-phone">{t('phoneShort')}</label>
            <input
              id="checkin-phone"
              type="tel"
              inputMode="numeric"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              autoComplete="tel"
            />
            <button type="button" className="primary-action" onClick={() => void checkIn()}>
              {t('checkinButton')}
            </button>
          </div>
        )
      )}
    </section>
  );
}
