import { useEffect, useState } from 'react';
import { ApiError, type Lang } from '../../shared/api';
import { client, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import type { T } from '../app-context';
import { PhoneCode } from './PhoneCode';
import { enrolmentReceipt, keepEnrolmentReceipt } from './receipts';

type Session = Schemas['CheckInSession'];
type Answer = Schemas['CheckInAnswer'];

/**
 * The page the QR at the door opens. The learner proves the enrolment — the receipt this phone kept from enrolling,
 * or a code sent to the enrolled phone — and is checked in; then may rate the session.
 */
export function CheckInPage({ t, lang, code }: { t: T; lang: Lang; code: string }) {
  const [session, setSession] = useState<Session | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [rated, setRated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));
  useEffect(() => {
    client.GET('/public/check-ins/{code}', { path: { code } }).then(
      (s) => {
        setSession(s);
        setToken(enrolmentReceipt(s.courseId));
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [code]);
  const checkedIn = (r: Answer) => {
    if (session && r.token) {
      keepEnrolmentReceipt(session.courseId, r.token);
      setToken(r.token);
    }
    setDone(r.already ? t('alreadyCheckedIn', { name: r.name }) : t('checkedIn', { name: r.name }));
    setError(null);
  };
  const withReceipt = async () => {
    try {
      checkedIn(await client.POST('/public/check-ins', { body: { code, token: token ?? undefined } }));
    } catch (e) {
      // A receipt that no longer holds (cancelled, or replaced on another phone): prove the phone instead.
      if (e instanceof ApiError && e.status === 404 && session) {
        keepEnrolmentReceipt(session.courseId, null);
        setToken(null);
      }
      fail(e);
    }
  };
  const rate = async () => {
    try {
      await client.POST('/public/session-feedback', { body: { code, token: token ?? undefined, rating, comment: comment || undefined } });
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
            token && (
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
            )
          )}
        </>
      ) : (
        session &&
        (token ? (
          <div className="card">
            <button type="button" className="primary-action" onClick={() => void withReceipt()}>
              {t('checkinButton')}
            </button>
          </div>
        ) : (
          <div>
            <p className="hint">{t('checkinProve')}</p>
            <PhoneCode
              t={t}
              onReady={async (phone, smsCode) => checkedIn(await client.POST('/public/check-ins', { body: { code, phone, smsCode } }))}
            />
          </div>
        ))
      )}
    </section>
  );
}
