import { describe, expect, it } from 'vitest';
import { Segmenter } from './segment.js';
import { findTopics, heatIndex, TopicIndex, type TopicInput } from './topics.js';

const seg = new Segmenter(['丽发新城', '桂花坪']);
const day = (d: number) => new Date(Date.UTC(2026, 10, d));
const docs: TopicInput[] = [
  { id: '1', text: '丽发新城小区路灯不亮，晚上出行不安全', time: day(1), reporter: 'a' },
  { id: '2', text: '丽发新城路灯坏了好几天，晚上一片漆黑', time: day(3), reporter: 'b' },
  { id: '3', text: '丽发新城小区的路灯一直不亮', time: day(20), reporter: 'c' },
  { id: '4', text: '丽发新城路灯不亮，老人摔倒了', time: day(21), reporter: 'd', likes: 5 },
  { id: '5', text: '桂花坪菜市场噪音扰民，凌晨卸货', time: day(5), reporter: 'e' },
  { id: '6', text: '桂花坪菜市场凌晨卸货噪音太大', time: day(6), reporter: 'e' },
  { id: '7', text: '孩子入学学位紧张，咨询学区划分', time: day(7), reporter: 'f' },
];

describe('topics (一类事)', () => {
  it('groups the same problem at the same place and labels it place · problem', () => {
    const topics = findTopics(docs, seg);
    const lights = topics.find((t) => t.ids.includes('1'))!;
    expect(lights.ids.sort()).toEqual(['1', '2', '3', '4']);
    expect(lights.label).toContain('丽发新城');
    expect(lights.reporters).toBe(4);
    const noise = topics.find((t) => t.ids.includes('5'))!;
    expect(noise.ids.sort()).toEqual(['5', '6']);
    expect(noise.reporters).toBe(1);
    expect(topics.some((t) => t.ids.includes('7'))).toBe(false);
    // More residents and more of them lately: the street lights come first, and are rising.
    expect(topics[0]).toBe(lights);
    expect(lights.rising).toBe(true);
    expect(noise.rising).toBe(false);
  });

  it('gives the same topics when demands arrive one at a time as in one batch', () => {
    const batch = findTopics(docs, seg).map((t) => t.ids.sort().join(','));
    const index = new TopicIndex(seg);
    const ordered = [...docs].sort((a, b) => a.time.getTime() - b.time.getTime() || a.id.localeCompare(b.id));
    for (const d of ordered.slice(0, 4)) index.add(d);
    expect(index.topics().map((t) => t.ids.join(','))).toEqual(findTopics(ordered.slice(0, 4), seg).map((t) => t.ids.join(',')));
    for (const d of ordered.slice(4)) index.add(d);
    expect(index.topics().map((t) => t.ids.sort().join(','))).toEqual(batch);
  });

  it('weighs reporters above repeat reports in the heat index', () => {
    expect(heatIndex({ size: 4, reporters: 4, likes: 0, recent: 0 })).toBeGreaterThan(
      heatIndex({ size: 4, reporters: 1, likes: 0, recent: 0 }),
    );
    expect(heatIndex({ size: 4, reporters: 2, likes: 0, recent: 3 })).toBeGreaterThan(
      heatIndex({ size: 4, reporters: 2, likes: 0, recent: 0 }),
    );
  });
});
