import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { client } from '../../shared/client';
import type { T } from '../app-context';

/** A phone and a one-time code: how a resident without an account proves who they are. */
export function PhoneCode({ t, onReady }: { t: T; onReady: (phone: string, code: string) => Promise<void> }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));
  return (
    <div className="card">
      <label htmlFor="pc-phone">{t('phoneShort')}</label>
      <input id="pc-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      <button
        type="button"
        className="secondary"
        style={{ marginTop: 8 }}
        onClick={() => client.POST('/public/verification-codes', { body: { phone } }).then(() => setSent(true), fail)}
      >
        {sent ? t('codeSent') : t('getCode')}
      </button>
      <label htmlFor="pc-code">{t('codeLabel')}</label>
      <input id="pc-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} />
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="primary-action" onClick={() => onReady(phone, code).then(() => setError(null), fail)}>
        {t('confirmAction')}
      </button>
    </div>
  );
}
