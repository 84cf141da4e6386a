import { describe, expect, it } from 'vitest';
import { bandKeys, estimatedSimilarity, signature } from './minhash.js';

describe('near-duplicate signatures', () => {
  const a = '丽发新城3栋门口的路灯坏了一个星期，晚上老人出门很不安全，请尽快修理。';
  const b = '丽发新城3栋门口路灯坏了一个星期了，晚上老人出门很不安全，请快点修理！';
  const c = '学校门口早晚高峰车辆乱停，孩子过马路很危险，建议设置护学岗。';
  it('scores near-duplicates high and unrelated text low', () => {
    expect(estimatedSimilarity(signature(a), signature(b))).toBeGreaterThan(0.4);
    expect(estimatedSimilarity(signature(a), signature(c))).toBeLessThan(0.15);
    expect(estimatedSimilarity(signature(a), signature(a))).toBe(1);
  });
  it('makes near-duplicates share a band key, and is stable', () => {
    const ka = bandKeys(signature(a));
    expect(ka.some((k, i) => k === bandKeys(signature(b))[i])).toBe(true);
    expect(bandKeys(signature(a))).toEqual(ka);
  });
});
