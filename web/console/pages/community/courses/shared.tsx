import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/api';
import { client, type Region } from '../../../../shared/client';

/** The server's own words for a refusal, so the person reads why. */
export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The regions the caller can pick from, loaded once per page. */
export function useRegions() {
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    void client.GET('/regions').then((r) => setRegions(r.items));
  }, []);
  return regions;
}

export const regionOptions = (regions: Region[], levels: Region['level'][]) =>
  regions.filter((r) => levels.includes(r.level)).map((r) => ({ value: r.id, label: r.name }));

/** antd's empty-table text is too faint to read (WCAG AA); this keeps it a readable grey. */
export const emptyText = (text: string) => ({ emptyText: <span style={{ color: '#595959' }}>{text}</span> });

/** A wide table on a phone scrolls inside this region, which keyboard users can reach (axe scrollable-region-focusable). */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section tabIndex={0} aria-label={label} style={{ overflowX: 'auto' }}>
      {children}
    </section>
  );
}
