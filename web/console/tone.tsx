import { Tag } from 'antd';
import type { ReactNode } from 'react';

// antd's coloured tags draw light text on light ground; these keep the hue with text dark enough to read (WCAG AA).
const tones = {
  grey: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
  blue: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  orange: { color: '#7a2e0e', background: '#fff7e6', borderColor: '#ffd591' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  purple: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
} as const;

export type ToneName = keyof typeof tones;

export function Tone({ tone, children }: { tone: ToneName; children: ReactNode }) {
  return <Tag style={tones[tone]}>{children}</Tag>;
}
