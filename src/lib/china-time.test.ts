import { describe, expect, it } from 'vitest';
import { chinaTime } from './china-time.js';

describe('an export’s times', () => {
  it.each([
    ['2026-12-06T17:05:03Z', '2026/12/7 01:05:03'],
    ['2026-12-06T16:05:03.500Z', '2026/12/7 00:05:03'],
    ['2026-12-06T04:05:03Z', '2026/12/6 12:05:03'],
  ])('%s reads %s in China, as toLocaleString wrote it', (iso, shown) => {
    expect(chinaTime(iso)).toBe(shown);
    expect(chinaTime(iso)).toBe(new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
  });

  it('writes nothing for no time', () => {
    expect(chinaTime(null)).toBe('');
  });
});
