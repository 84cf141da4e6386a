import { describe, expect, it } from 'vitest';
import { learnPlaces, minePlaces } from './places.js';
import { Segmenter } from './segment.js';
import { findTopics, heatIndex, TopicIndex, type TopicInput } from './topics.js';

const seg = new Segmenter(['丽发新城', '桂花坪', '宝城社区']);
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
    expect(lights.label).toBe('丽发新城 · 路灯不亮');
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

  it('never joins different problems at one place: square-dance noise and street lights on 滨河路 stay apart', () => {
    const at = (id: string, text: string, d: number): TopicInput => ({ id, text, time: day(d), reporter: id, place: '宝城社区' });
    const mixed = [
      at('l1', '宝城社区滨河路路灯不亮，晚上很黑', 1),
      at('l2', '滨河路的路灯坏了，一片漆黑', 2),
      at('l3', '滨河路路灯晚上不亮', 3),
      at('l4', '宝城社区滨河路好几盏路灯不亮', 4),
      at('l5', '滨河路路灯不亮，行人不安全', 5),
      at('m1', '滨河路井盖松动，踩上去响', 6),
      at('n1', '宝城社区滨河路广场有人跳广场舞，噪音扰民', 7),
      at('n2', '滨河路广场广场舞音响太吵，噪音扰民', 8),
      at('n3', '滨河路广场每晚广场舞噪音很大', 9),
      at('n4', '滨河路广场广场舞噪音扰民，孩子没法学习', 10),
      at('l6', '滨河路广场旁边的路灯不亮', 11),
    ];
    const topics = findTopics(mixed, seg);
    const lights = topics.find((t) => t.ids.includes('l1'))!;
    const noise = topics.find((t) => t.ids.includes('n1'))!;
    expect(noise.ids.sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(lights.ids.sort()).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6']);
    expect(topics.some((t) => t.ids.includes('m1'))).toBe(false);
    expect(noise.label).toMatch(/^滨河路广场 · .*(噪音|广场舞)/);
    expect(lights.label).toBe('滨河路 · 路灯不亮');
  });

  it('never joins one problem across places', () => {
    const topics = findTopics(
      [
        { id: 'a', text: '丽发新城路灯不亮', time: day(1), reporter: 'a' },
        { id: 'b', text: '伊景园滨河苑路灯不亮', time: day(2), reporter: 'b' },
      ],
      seg,
    );
    expect(topics).toEqual([]);
  });

  it('mines place names whole from the text, and not weekdays, offices or bare 小区', () => {
    const places = (text: string) => [...new Set(minePlaces(seg.tag(text)).map((p) => p.place))];
    expect(places('伊景园滨河苑开发商捆绑销售车位')).toContain('伊景园滨河苑');
    expect(places('丽发新城小区旁边的搅拌站噪音扰民')).toEqual(['丽发新城']);
    expect(places('我家住在景蓉华苑，物业管理有问题')).toEqual(['景蓉华苑']);
    expect(places('万科魅力之城小区门口的马路坑洼')).toContain('万科魅力之城');
    expect(places('星期六晚上广场舞音响太吵')).toEqual([]);
    expect(places('安全隐患县委县政府')).toEqual([]);
    expect(places('我们小区门口路灯不亮')).toEqual([]);
    const topics = findTopics(
      [
        { id: 'a', text: '伊景园滨河苑开发商捆绑销售车位', time: day(1), reporter: 'a' },
        { id: 'b', text: '伊景园滨河苑车位捆绑销售，不买车位不给房', time: day(2), reporter: 'b' },
        { id: 'c', text: '投诉伊景园滨河苑捆绑销售车位', time: day(3), reporter: 'c' },
      ],
      seg,
    );
    expect(topics).toHaveLength(1);
    expect(topics[0].label).toMatch(/^伊景园滨河苑 · /);
    expect(topics[0].problem).toMatch(/捆绑|车位|销售/);
  });

  it('learns a place named again and again, so the segmenter never cuts it', () => {
    const fresh = new Segmenter();
    const texts = ['伊景园滨河苑开发商捆绑销售车位', '伊景园滨河苑车位捆绑销售', '投诉伊景园滨河苑捆绑销售车位', '伊景园滨河苑停车难'];
    expect(fresh.cut(texts[3])).not.toContain('伊景园滨河苑');
    expect(learnPlaces(texts, fresh)).toContain('伊景园滨河苑');
    expect(fresh.cut(texts[3])).toContain('伊景园滨河苑');
    expect(learnPlaces(['丽发新城路灯不亮'], new Segmenter())).toEqual([]);
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
