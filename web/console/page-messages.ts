import { useCallback } from 'react';
import type { Catalogue } from '../shared/i18n';
import { useApp } from './app-context';

/**
 * A page's own catalogue, read in the console's language: a page with many words keeps them beside it rather than
 * in the shared catalogue, so two pages never edit one file.
 */
export function usePageMessages<C extends Catalogue>(catalogue: C) {
  const { lang } = useApp();
  return useCallback(
    (key: keyof C, vars: Record<string, string | number> = {}) => {
      let s = catalogue[key]?.[lang] ?? String(key);
      for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    },
    [catalogue, lang],
  );
}
