import { describe, expect, it } from 'vitest';
import { normalizeText, Segmenter } from './segment.js';

describe('segmentation', () => {
  it('keeps the installation’s own place names whole once taught them', () => {
    const plain = new Segmenter();
    const text = '丽发新城小区门口的路灯不亮，桂花坪街道请处理';
    expect(plain.cut(text)).not.toContain('丽发新城');
    const local = new Segmenter(['丽发新城', '桂花坪街道']);
    const words = local.cut(text);
    expect(words).toContain('丽发新城');
    expect(words).toContain('桂花坪街道');
    expect(words).toContain('门口');
    expect(words).not.toContain('，');
  });
  it('normalises width, case and spaces', () => {
    expect(normalizeText('ＡＢＣ１２３　 路灯')).toBe('abc123 路灯');
  });
});
