import { Button } from 'antd';
import { type ReactNode, useId, useState } from 'react';

type Section = { key: string; label: string; children: ReactNode };

/**
 * The admin page's sections as tabs that wrap onto a second line: nine tabs do not fit a phone, and antd's tab bar
 * then adds an overflow menu inside the tab list (axe: aria-required-children).
 */
export function SectionNav({ label, items }: { label: string; items: Section[] }) {
  const [current, setCurrent] = useState(items[0]?.key);
  const id = useId();
  const shown = items.find((i) => i.key === current) ?? items[0];
  return (
    <>
      <div role="tablist" aria-label={label} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
        {items.map((i) => (
          <Button
            key={i.key}
            role="tab"
            id={`${id}-${i.key}`}
            aria-selected={i.key === shown?.key}
            aria-controls={`${id}-panel`}
            type={i.key === shown?.key ? 'primary' : 'default'}
            onClick={() => setCurrent(i.key)}
          >
            {i.label}
          </Button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${shown?.key}`}>
        {shown?.children}
      </div>
    </>
  );
}
