import { Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';

type Section = { key: string; label: string; children: ReactNode };

/**
 * The admin page's sections as a row of buttons that wraps: nine tabs do not fit a phone, and a tab bar's overflow menu
 * puts a non-tab inside the tab list (axe: aria-required-children).
 */
export function SectionNav({ label, items }: { label: string; items: Section[] }) {
  const [current, setCurrent] = useState(items[0]?.key);
  const shown = items.find((i) => i.key === current) ?? items[0];
  return (
    <>
      <nav aria-label={label} style={{ marginBottom: 16 }}>
        <Space wrap size={[8, 8]}>
          {items.map((i) => (
            <Button
              key={i.key}
              type={i.key === shown?.key ? 'primary' : 'default'}
              aria-current={i.key === shown?.key ? 'page' : undefined}
              onClick={() => setCurrent(i.key)}
            >
              {i.label}
            </Button>
          ))}
        </Space>
      </nav>
      <section aria-label={shown?.label}>{shown?.children}</section>
    </>
  );
}
