import { describe, expect, it } from 'vitest';
import { initials, matches } from '../web/console/pickers.js';

describe('pickers search by characters or pinyin initials', () => {
  it.each([
    ['路灯不亮', 'ldbl', true],
    ['城乡建设/城市建设和市政管理/城市公共设施', 'ggss', true],
    ['桂花坪街道 / 丽发新城社区', 'lfxc', true],
    ['桂花坪街道 / 丽发新城社区', '丽发', true],
    ['桂花坪街道 / 丽发新城社区', 'xyz', false],
    ['燃气供应', 'RQ', true],
    ['燃气供应', '', true],
  ])('%s ~ %s → %s', (label, input, want) => {
    expect(matches(label, input)).toBe(want);
  });
  it('makes initials of Chinese text', () => {
    expect(initials('接诉即办')).toBe('jsjb');
  });
});
