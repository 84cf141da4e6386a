import { useEffect, useRef, useState } from 'react';
import { ApiError, type Lang } from '../../shared/api';
import { type Answer, client, type Init } from '../../shared/client';
import { actionNames, formatTime, stateNames } from '../../shared/i18n';
import type { T } from '../app-context';
import type { Receipt } from './DonePage';

type Feedback = Init<'/public/demands/feedback', 'post'>['body'];

type View = Answer<'/public/demands/lookup', 'post'>;

export function LookupPage({ t, lang, initial }: { t: T; lang: Lang; initial: Receipt | null }) {
  const [number, setNumber] = useState(initial?.number ?? '');
  const [secret, setSecret] = useState(initial?.phone ?? '');
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [thanks, setThanks] = useState(false);
  const credentials = () => (/^\d{6}$/.test(secret.trim()) ? { queryCode: secret.trim() } : { phone: secret.trim() });

  async function lookup(e?: React.FormEvent) {
    e?.preventDefault();
    setError(null);
    try {
      setView(await client.POST('/public/demands/lookup', { body: { number: number.trim(), ...credentials() } }));
    } catch (err) {
      setView(null);
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  // Come from the receipt with the number and the phone filled in: the answer is shown at once, not after one more tap.
  const asked = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the receipt the page opened with
  useEffect(() => {
    if (asked.current || !initial?.number || !initial.phone) return;
    asked.current = true;
    void lookup();
  }, []);

  async function feedback(form: HTMLFormElement) {
    const data = new FormData(form);
    try {
      setView(
        await client.POST('/public/demands/feedback', {
          body: {
            number: number.trim(),
            ...credentials(),
            // The radio's value is one of the server's words; the server checks it (and says so when none is picked).
            satisfaction: data.get('satisfaction') as Feedback['satisfaction'],
            solved: data.get('solved') === 'yes',
            comment: String(data.get('comment') ?? '') || undefined,
          },
        }),
      );
      setThanks(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  const stateLabel = (s: string) => stateNames[s]?.[lang] ?? s;
  return (
    <section aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('lookupTitle')}</h2>
      <form onSubmit={lookup}>
        <label htmlFor="number">{t('number')}</label>
        <input id="number" inputMode="numeric" required value={number} onChange={(e) => setNumber(e.target.value)} />
        <label htmlFor="secret">{t('phoneOrCode')}</label>
        <input id="secret" inputMode="tel" required value={secret} onChange={(e) => setSecret(e.target.value)} />
        <button type="submit" className="primary-action">
          {t('search')}
        </button>
      </form>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {view && (
        <article className="card" aria-live="polite">
          <h3 className="pre">{view.title}</h3>
          <p>
            {t('state')}：<strong data-testid="state">{stateLabel(view.state)}</strong>
          </p>
          {view.unit && (
            <p>
              {t('unit')}：{view.unit}
            </p>
          )}
          {/* A short demand's title is its whole content: said once. */}
          {view.content.trim() !== view.title.trim() && <p className="pre">{view.content}</p>}
          {view.mergedInto && (
            <div className="notice" data-testid="merged-into">
              <p>{t('mergedInto', { number: view.mergedInto.number })}</p>
              <p>
                {t('state')}：<strong>{stateLabel(view.mergedInto.state)}</strong>
                {view.mergedInto.unit ? ` · ${view.mergedInto.unit}` : ''}
              </p>
              {view.mergedInto.replyText && (
                <div className="reply">
                  <strong>{t('reply')}</strong>
                  <div className="pre">{view.mergedInto.replyText}</div>
                </div>
              )}
            </div>
          )}
          {view.replyText && (
            <div className="reply">
              <strong>{t('reply')}</strong>
              <div className="pre" data-testid="reply">
                {view.replyText}
              </div>
            </div>
          )}
          <h4>{t('timeline')}</h4>
          <ol className="timeline">
            {view.timeline.map((e, i) => (
              <li key={i}>
                {formatTime(e.at, lang)} · {actionNames[e.action]?.[lang] ?? e.action}
                {e.reason ? `（${e.reason}）` : ''}
              </li>
            ))}
          </ol>
          {view.callbackOpen && !thanks && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void feedback(e.currentTarget);
              }}
            >
              <h4>{t('feedbackTitle')}</h4>
              <div className="choices" role="radiogroup" aria-label={t('feedbackTitle')}>
                {(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((s) => (
                  <label key={s}>
                    <input type="radio" name="satisfaction" value={s} required />
                    {t(s)}
                  </label>
                ))}
              </div>
              <p>{t('solvedQ')}</p>
              <div className="choices" role="radiogroup" aria-label={t('solvedQ')}>
                <label>
                  <input type="radio" name="solved" value="yes" required />
                  {t('yes')}
                </label>
                <label>
                  <input type="radio" name="solved" value="no" />
                  {t('no')}
                </label>
              </div>
              <label htmlFor="comment">{t('comment')}</label>
              <textarea id="comment" name="comment" maxLength={1000} />
              <button type="submit" className="primary-action">
                {t('sendFeedback')}
              </button>
            </form>
          )}
          {thanks && <p className="notice">{t('thanks')}</p>}
        </article>
      )}
    </section>
  );
}
