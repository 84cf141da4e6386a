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

  it('reads as the time-zone database has it, before and after China’s last summer time (1991)', () => {
    const instants = [
      '1900-01-01T00:00:00Z',
      '1988-07-01T12:00:00Z',
      '1991-09-14T17:30:00Z',
      '1991-12-31T15:59:59Z',
      '1991-12-31T16:00:00Z',
    ];
    // Every 7 days and 12,345 s, 1985 to 2045: each hour, minute and second of the day comes round.
    for (let at = Date.UTC(1985, 0, 1); at < Date.UTC(2045, 0, 1); at += 7 * 86_400_000 + 12_345_000)
      instants.push(new Date(at).toISOString());
    for (const iso of instants) {
      expect(chinaTime(iso)).toBe(new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
      expect(chinaTime(new Date(iso))).toBe(chinaTime(iso));
    }
  });

  it('writes nothing for no time', () => {
    expect(chinaTime(null)).toBe('');
  });
});
