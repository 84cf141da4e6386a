import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../shared/api';
import { client, type Init, type Region, uploadFile } from '../../shared/client';
import type { T } from '../app-context';
import type { Receipt } from './DonePage';

type Draft = {
  type: Init<'/public/demands', 'post'>['body']['type'];
  content: string;
  township: string;
  community: string;
  address: string;
  phone: string;
  name: string;
  anonymous: boolean;
};
const empty: Draft = { type: 'complaint', content: '', township: '', community: '', address: '', phone: '', name: '', anonymous: false };
const draftKey = 'tj.portal.draft';

/** The draft lives in localStorage: no time-out, reload or lost signal takes typed text away. */
function useDraft(): [Draft, (d: Partial<Draft>) => void, () => void] {
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      return { ...empty, ...JSON.parse(localStorage.getItem(draftKey) ?? '{}') };
    } catch {
      return empty;
    }
  });
  useEffect(() => localStorage.setItem(draftKey, JSON.stringify(draft)), [draft]);
  return [
    draft,
    (d) => setDraft((x) => ({ ...x, ...d })),
    () => {
      localStorage.removeItem(draftKey);
      setDraft(empty);
    },
  ];
}

// One key per filled-in form: a double tap or a retry after a dropped answer never makes two demands.
function idempotencyKey(): string {
  let key = sessionStorage.getItem('tj.portal.key');
  if (!key) {
    key = `portal-${crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`}`;
    sessionStorage.setItem('tj.portal.key', key);
  }
  return key;
}

export function SubmitPage({ t, regions, onDone }: { t: T; regions: Region[]; onDone: (r: Receipt) => void }) {
  const [draft, update, clear] = useDraft();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const townships = useMemo(() => regions.filter((r) => r.level === 'township'), [regions]);
  const communities = useMemo(
    () => regions.filter((r) => r.level === 'community' && String(r.parentId) === draft.township),
    [regions, draft.township],
  );

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const regionId = Number(draft.community || draft.township);
    if (!regionId) {
      setError(`${t('township')}：${t('choose')}`);
      return;
    }
    setBusy(true);
    try {
      const res = await client.POST('/public/demands', {
        body: {
          type: draft.type,
          content: draft.content,
          regionId,
          address: draft.address || undefined,
          reporterPhone: draft.phone,
          reporterName: draft.name || undefined,
          anonymous: draft.anonymous,
          idempotencyKey: idempotencyKey(),
        },
      });
      let photoError: string | null = null;
      for (const file of files.slice(0, 3)) {
        if (!res.queryCode) break;
        const queryCode = res.queryCode;
        await uploadFile('/public/demands/{number}/attachments', file, {
          path: { number: res.number },
          headers: { 'x-query-code': queryCode },
        }).catch((e: unknown) => {
          photoError = e instanceof ApiError ? e.message : String(e);
        });
      }
      sessionStorage.removeItem('tj.portal.key');
      clear();
      onDone({ number: res.number, queryCode: res.queryCode, phone: draft.phone, photoError });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate={false}>
      <p className="notice">{t('draftKept')}</p>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{t('type')}</legend>
        <div className="choices">
          {(['complaint', 'help', 'consultation', 'suggestion', 'report'] as const).map((type) => (
            <label key={type}>
              <input type="radio" name="type" value={type} checked={draft.type === type} onChange={() => update({ type })} />
              {t(`type.${type}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="content">{t('content')}</label>
      <p className="hint" id="content-hint">
        {t('contentHint')}
      </p>
      <textarea
        id="content"
        name="content"
        aria-describedby="content-hint"
        required
        maxLength={5000}
        value={draft.content}
        onChange={(e) => update({ content: e.target.value })}
      />
      <div className="row">
        <div>
          <label htmlFor="township">{t('township')}</label>
          <select id="township" required value={draft.township} onChange={(e) => update({ township: e.target.value, community: '' })}>
            <option value="">{t('choose')}</option>
            {townships.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="community">{t('community')}</label>
          <select id="community" value={draft.community} onChange={(e) => update({ community: e.target.value })} disabled={!draft.township}>
            <option value="">{t('choose')}</option>
            {communities.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="address">{t('address')}</label>
      <input id="address" maxLength={300} value={draft.address} onChange={(e) => update({ address: e.target.value })} />
      <label htmlFor="phone">{t('phone')}</label>
      <input
        id="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
        value={draft.phone}
        onChange={(e) => update({ phone: e.target.value })}
      />
      <label htmlFor="name">{t('name')}</label>
      <input id="name" maxLength={50} autoComplete="name" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
      <label htmlFor="photos">{t('photos')}</label>
      <input
        id="photos"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
      />
      <label className="check">
        <input type="checkbox" checked={draft.anonymous} onChange={(e) => update({ anonymous: e.target.checked })} />
        {t('anonymous')}
      </label>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="primary-action" disabled={busy}>
        {busy ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
