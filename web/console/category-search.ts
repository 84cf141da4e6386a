import { useEffect, useMemo, useState } from 'react';
import { client } from '../shared/client';
import { matches } from './pickers';

type Option = { value: number; label: string };

/**
 * Search for a category picker: characters or pinyin initials in its name, and everyday words the names do not hold
 * (垃圾, 噪音) through the classifier the intake already asks, whose categories come first. Roles the classifier
 * refuses simply match by name.
 */
export function useCategorySearch() {
  const [typed, setTyped] = useState('');
  const [byWords, setByWords] = useState<number[]>([]);
  useEffect(() => {
    const text = typed.trim();
    if (text.length < 2 || /^[a-z]+$/i.test(text)) {
      setByWords([]);
      return;
    }
    const timer = setTimeout(() => {
      void client.GET('/text/categories', { query: { text } }).then(
        (r) => setByWords(r.categories.map((c) => c.categoryId)),
        () => setByWords([]),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [typed]);
  return useMemo(() => {
    const rank = (o: Option) => {
      const i = byWords.indexOf(o.value);
      return i < 0 ? byWords.length : i;
    };
    return {
      onSearch: setTyped,
      filterOption: (input: string, o?: Option) => !!o && (matches(o.label, input) || byWords.includes(o.value)),
      filterSort: (a: Option, b: Option) => rank(a) - rank(b),
    };
  }, [byWords]);
}
