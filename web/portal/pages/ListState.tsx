import { ApiError } from '../../shared/api';
import type { T } from '../app-context';

/** Why a public list could not load, in words a resident can act on: too many loads from this network is "try again shortly". */
export const loadFailure = (e: unknown, t: T) =>
  e instanceof ApiError && e.status === 429 ? t('tooFrequent') : e instanceof Error ? e.message : String(e);

/** Under a public list: why it failed to load, or that there is nothing — never "nothing" when the load failed. */
export function ListState({ t, failed, empty }: { t: T; failed: string | null; empty: boolean }) {
  if (failed)
    return (
      <div className="error" role="alert">
        {failed}
      </div>
    );
  return empty ? <p>{t('none')}</p> : null;
}
