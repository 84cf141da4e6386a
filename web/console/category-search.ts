import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../shared/api';
import { type Category, client } from '../shared/client';

type Option = { value: number; label: string };

/**
 * A category as a picker shows it: its own name first, then the branch it sits in, so that a narrow box cut short
 * still shows what tells two categories apart (环境卫生 · 城乡建设/城市建设和市政管理).
 */
export function categoryOption(c: Pick<Category, 'id' | 'name' | 'fullName'>): Option {
  const branch = c.fullName.split('/').slice(0, -1).join('/');
  return { value: c.id, label: branch ? `${c.name} · ${branch}` : c.name };
}

/** Below this the classifier is guessing: the intake's suggestions leave such categories out too. */
export const leastConfidence = 0.1;

/** Characters anywhere in the label: the list's filters, whose page is the first screen and must stay light. */
const contains = (label: string, input: string) => label.toLowerCase().includes(input.trim().toLowerCase());

/**
 * Search for a category picker: its name as `byName` matches it (the desk passes pinyin initials, `pickers.ts`, a
 * large library the first screen does without), and everyday words the names do not hold (路灯 → 城市公共设施) through
 * the classifier the intake asks. Its categories follow those found by name, and only for the words they were found
 * for. A role the classifier refuses is not asked again.
 */
export function useCategorySearch(byName: (label: string, input: string) => boolean = contains) {
  const [typed, setTyped] = useState('');
  const [byWords, setByWords] = useState<{ text: string; ids: number[] }>({ text: '', ids: [] });
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    const text = typed.trim();
    if (refused || text.length < 2 || /^[a-z]+$/i.test(text)) return;
    let live = true;
    const timer = setTimeout(() => {
      void client.GET('/text/categories', { query: { text } }).then(
        (r) => {
          if (live) setByWords({ text, ids: r.categories.filter((c) => c.confidence >= leastConfidence).map((c) => c.categoryId) });
        },
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 403) setRefused(true);
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed, refused]);
  return useMemo(() => {
    const guessed = (input: string) => (input.trim() === byWords.text ? byWords.ids : []);
    const rank = (o: Option, input: string) => {
      if (byName(o.label, input)) return -1;
      const i = guessed(input).indexOf(o.value);
      return i < 0 ? byWords.ids.length : i;
    };
    return {
      onSearch: setTyped,
      filterOption: (input: string, o?: Option) => !!o && (byName(o.label, input) || guessed(input).includes(o.value)),
      filterSort: (a: Option, b: Option, info: { searchValue: string }) => rank(a, info.searchValue) - rank(b, info.searchValue),
    };
  }, [byWords, byName]);
}
