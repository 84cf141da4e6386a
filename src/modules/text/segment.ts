import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from '../../lib/normalize-text.js';

export { normalizeText };

const punctuation = /^[\s\p{P}\p{S}]+$/u;

/**
 * Chinese word segmentation (jieba), taught the installation's own names — regions, units,
 * places, categories — so that 丽发新城 or 桂花坪街道 stay one token.
 */
export class Segmenter {
  private jieba: Jieba;
  private readonly userLines: string[] = [];
  private readonly known = new Set<string>();

  constructor(userWords: Iterable<string> = []) {
    this.jieba = Jieba.withDict(dict);
    this.addWords(userWords);
  }

  addWords(words: Iterable<string>): void {
    let added = false;
    for (const raw of words) {
      const w = raw.trim();
      if (w.length < 2 || /\s/.test(w) || this.known.has(w)) continue;
      this.known.add(w);
      // A high frequency makes the dictionary word win over splits of it.
      this.userLines.push(`${w} 100000 n`);
      added = true;
    }
    // loadDict replaces the dictionary, so the user words ride along with the default one.
    if (added) this.jieba = Jieba.withDict(Buffer.concat([Buffer.from(dict), Buffer.from(`\n${this.userLines.join('\n')}\n`, 'utf8')]));
  }

  /** Words with their part-of-speech tags (ns place, n noun, v verb …), without punctuation or spaces. */
  tag(text: string): { word: string; tag: string }[] {
    return this.jieba.tag(normalizeText(text), true).filter((w) => !punctuation.test(w.word));
  }

  /** Words, without punctuation or spaces. */
  cut(text: string): string[] {
    return this.jieba.cut(normalizeText(text), true).filter((w) => !punctuation.test(w));
  }
}
