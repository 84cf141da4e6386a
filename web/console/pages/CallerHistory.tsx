import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../shared/client';
import { formatTime, stateNames } from '../../shared/i18n';
import { useApp } from '../app-context';

type Page = Schemas['DemandPage'];

/** 来电弹屏: as soon as the caller's number is in (typed, or filled in when the PBX rings), their earlier demands (newest five) and how many in all. */
export function CallerHistory({ phone }: { phone: string | undefined }) {
  const { t, lang } = useApp();
  const [page, setPage] = useState<Page | null>(null);
  useEffect(() => {
    const digits = (phone ?? '').replace(/\D/g, '');
    if (digits.length < 7) {
      setPage(null);
      return;
    }
    // A full number (a mobile's 11 digits, or a landline with its area code) is looked up at once; a shorter
    // one waits for the typing to pause, so a desk PC does not send a request per key.
    const timer = window.setTimeout(
      () => {
        void client.GET('/demands', { query: { phone: phone ?? '', pageSize: 5, sort: 'newest' } }).then(setPage, () => setPage(null));
      },
      digits.length >= 11 ? 0 : 400,
    );
    return () => window.clearTimeout(timer);
  }, [phone]);
  if (!page || page.total === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('callerHistory', { n: page.total })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="caller-history">
          {page.items.map((d) => (
            <li key={d.id}>
              {/* Out of the Tab order (the seat goes from the number to the text) and in a new tab: the form half filled stays. */}
              <a href={`#/demand/${d.id}`} target="_blank" rel="noopener" tabIndex={-1} style={{ textDecoration: 'underline' }}>
                {d.number}
              </a>{' '}
              {formatTime(d.createdAt, lang)} · {stateNames[d.state]?.[lang] ?? d.state} · {d.title}
            </li>
          ))}
        </ul>
      }
    />
  );
}
