import { useEffect, useState } from 'react';

/**
 * A phone's width: below antd's md breakpoint (768 px), read from the media query itself and right from the first
 * render. The one reading of "narrow" for the frame and every page (antd's Grid would weigh on the first screen).
 */
export function useNarrow(): boolean {
  const query = '(max-width: 767.98px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setNarrow(list.matches);
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, []);
  return narrow;
}
