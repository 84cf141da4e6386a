import { useEffect, useState } from 'react';

/** The current location hash ("#/lookup"), or `fallback` when there is none; follows changes. */
export function useHashRoute(fallback: string): string {
  const [hash, setHash] = useState(location.hash || fallback);
  useEffect(() => {
    const on = () => setHash(location.hash || fallback);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, [fallback]);
  return hash;
}
