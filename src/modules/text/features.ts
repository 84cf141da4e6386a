import { normalizeText, type Segmenter } from './segment.js';

/** Function words that carry no topic. */
export const stopWords = new Set(
  '的 了 是 在 和 有 我 我们 你 您 他 她 它 他们 这 那 这个 那个 就 也 都 而 及 与 或 一个 没有 不 很 还 被 把 对 从 到 为 以 之 于 等 请 希望 请问 问题 领导 您好 谢谢 感谢 能 会 要 可以 什么 怎么 如何 已经 现在 因为 所以 但是 如果 市 区 县 a市'.split(
    ' ',
  ),
);

export type FeatureOptions = { charNgrams: [number, number]; words: boolean; wordBigrams: boolean };
export const defaultFeatures: FeatureOptions = { charNgrams: [1, 3], words: true, wordBigrams: true };

/**
 * Sparse counts of a text's features: character n-grams (robust to segmentation errors and
 * typos), jieba words, and word bigrams. Digits and Latin runs are folded to one symbol each,
 * so that "A3区" and "K8县" (anonymised places) or house numbers do not become topics.
 */
export function featurize(text: string, seg: Segmenter, opts: FeatureOptions = defaultFeatures): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string) => out.set(f, (out.get(f) ?? 0) + 1);
  // Text that arrives already segmented ("路灯 不亮") is joined back so character n-grams see it whole.
  const clean = normalizeText(text)
    .replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '')
    .replace(/[0-9]+/g, '0')
    .replace(/[a-z]+/g, 'a');
  const chars = [...clean.replace(/[\s\p{P}\p{S}]+/gu, '|')];
  const [lo, hi] = opts.charNgrams;
  for (let n = lo; n <= hi; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      if (!gram.includes('|')) add(`c${gram}`);
    }
  }
  if (opts.words || opts.wordBigrams) {
    const words = seg.cut(clean).filter((w) => !stopWords.has(w));
    if (opts.words) for (const w of words) add(`w${w}`);
    if (opts.wordBigrams) for (let i = 0; i + 1 < words.length; i++) add(`b${words[i]}_${words[i + 1]}`);
  }
  return out;
}
