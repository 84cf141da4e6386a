import { synonymsIn, synonymsOf } from './synonyms.js';

export type Tokenize = (text: string) => string[];
export type Field = { text: string; weight: number };
type Doc = { id: number; tf: Map<string, number>; length: number };

const k1 = 1.2;
const b = 0.75;
/** A synonym counts for less than the word the resident used. */
const synonymWeight = 0.6;

/** How a question is put, not what it is about. */
const stopWords = new Set(
  '什么 怎么 怎么办 怎么样 如何 哪里 哪个 哪些 多少 多久 可以 能否 是否 有没有 没有 需要 要求 请问 一下 这个 那个 我们 你们 他们 今年 明年 现在 已经 还是 就是 或者 以后 时候 之后 问题 情况 咨询 办理 办理手续 手续 找谁 谁管 去哪 去哪里 哪儿 在哪 在哪里 到哪 到哪里'.split(
    ' ',
  ),
);
/** Characters that make a bigram about grammar (的, 了, 吗 …) rather than a subject. */
const functionChars = /[的了吗呢吧么是在我你他她它们这那和与及就都也还又很要能会想去来上下里个]/;

/** Words, plus the character bigrams of Chinese runs: a word jieba cuts differently still meets its bigrams. */
export function terms(tokenize: Tokenize, text: string): string[] {
  const words = tokenize(text).filter((w) => w.trim().length >= 2 && !stopWords.has(w));
  const bigrams: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? [])
    for (let i = 0; i + 1 < run.length; i++) {
      const bg = run.slice(i, i + 2);
      if (!stopWords.has(bg) && !functionChars.test(bg)) bigrams.push(`~${bg}`);
    }
  return [...words, ...bigrams];
}

/**
 * Okapi BM25 over weighted fields (a title word counts more than a body word), with the query
 * expanded by synonyms. Small corpora (a knowledge base of hundreds of answers) are indexed in memory.
 */
export class Bm25 {
  private readonly docs: Doc[] = [];
  private readonly df = new Map<string, number>();
  private readonly averageLength: number;

  constructor(
    items: { id: number; fields: Field[] }[],
    private readonly tokenize: Tokenize,
    /** Off only to measure what synonyms add. */
    private readonly useSynonyms = true,
  ) {
    for (const item of items) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const f of item.fields) {
        // Synonyms written in the article count as its words too (长寿金 in a question finds 高龄津贴).
        for (const t of [...terms(tokenize, f.text), ...(useSynonyms ? synonymsIn(f.text) : [])]) {
          tf.set(t, (tf.get(t) ?? 0) + f.weight);
          length += f.weight;
        }
      }
      this.docs.push({ id: item.id, tf, length });
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.averageLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  private idf(term: string): number {
    const n = this.df.get(term) ?? 0;
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5));
  }

  /** The best `limit` documents for the query, highest score first; documents scoring nothing are left out. */
  search(query: string, limit = 3): { id: number; score: number }[] {
    const weights = new Map<string, number>();
    const add = (t: string, w: number) => weights.set(t, Math.max(weights.get(t) ?? 0, w));
    for (const t of terms(this.tokenize, query)) add(t, 1);
    for (const w of this.useSynonyms ? synonymsIn(query) : []) {
      add(w, 1);
      for (const s of synonymsOf(w)) add(s, synonymWeight);
    }
    const scored = this.docs.map((d) => {
      let score = 0;
      for (const [t, w] of weights) {
        const f = d.tf.get(t);
        if (!f) continue;
        score += w * this.idf(t) * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / this.averageLength)));
      }
      return { id: d.id, score };
    });
    return scored
      .filter((s) => s.score > 0)
      .sort((x, y) => y.score - x.score || x.id - y.id)
      .slice(0, limit);
  }
}
