import { useEffect, useState } from 'react';
import { client, type Schemas } from '../../shared/client';
import type { T } from '../app-context';

/** What an author keeps in this browser to follow their own comments and proposals. */
export type AuthorReceipt = { kind: 'notice_comment' | 'proposal'; id: number; token: string; text: string };
type Status = Schemas['AuthorModerationView'];

const storageKey = 'tingjian.authorReceipts';

export function readReceipts(): AuthorReceipt[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? '[]') as AuthorReceipt[];
  } catch {
    return [];
  }
}

/** Newest first, at most twenty: an old phone's storage stays small. */
export function keepReceipt(r: AuthorReceipt): void {
  localStorage.setItem(storageKey, JSON.stringify([r, ...readReceipts()].slice(0, 20)));
}

/** "我的留言与提议": whether moderators held, hid or redacted what this browser's author sent, and why. */
export function MySubmissions({ t, version }: { t: T; version: number }) {
  const [rows, setRows] = useState<(AuthorReceipt & { status: Status | null })[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is bumped after each new submission
  useEffect(() => {
    const receipts = readReceipts();
    void Promise.all(
      receipts.map(async (r) => ({
        ...r,
        status: await client.POST('/public/moderation/status', { body: { kind: r.kind, id: r.id, token: r.token } }).catch(() => null),
      })),
    ).then(setRows);
  }, [version]);
  if (!rows.length) return null;
  return (
    <details className="card" open>
      <summary>{t('mySubmissions')}</summary>
      <ul>
        {rows.map((r) => (
          <li key={`${r.kind}-${r.id}`} data-testid={`my-${r.kind}-${r.id}`}>
            {t(r.kind === 'proposal' ? 'myProposal' : 'myComment')}「{r.text}」—{' '}
            {r.status ? t(`mod.${r.status.state}`, { reason: r.status.reason ?? '' }) : t('mod.unknown')}
          </li>
        ))}
      </ul>
    </details>
  );
}
