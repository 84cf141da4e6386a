import type { Actor, Reader } from '../../kernel/index.js';
import { answeredLike } from '../demands/index.js';
import { stopWords } from './features.js';
import type { Segmenter } from './segment.js';

export type SimilarReply = {
  id: number;
  number: string;
  title: string;
  replyText: string;
  unitName: string | null;
  repliedAt: string | null;
  /** Cosine of the TF-IDF vectors of the two demands' texts, 0–1. */
  similarity: number;
};

/** How a resident puts a demand, not what it is about. */
const askingWords = new Set(
  '反映 投诉 咨询 希望 解决 处理 办理 找谁 相关 部门 尽快 一直 目前 居民 群众 业主 情况 问题 导致 严重'.split(' '),
);
/** Characters that make a bigram about grammar rather than a subject. */
const functionChars = /[的了吗呢吧么是在我你他她它们这那和与及就都也还又很要能会想去来上下里个有]/;

/** Words of at least two characters that say what the text is about. */
export function keyWords(seg: Segmenter, text: string): string[] {
  return seg.cut(text).filter((w) => w.length >= 2 && !stopWords.has(w) && !askingWords.has(w) && !/^[\d\p{P}a-z]+$/iu.test(w));
}

/**
 * The character bigrams of Chinese runs (those about grammar left out), and Latin or digit runs whole:
 * jieba reads the query alone — cutting 200 candidates of 400 characters costs ~0.4 s, their bigrams ~2 ms.
 */
function terms(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (t: string) => tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const run of text.toLowerCase().match(/[\u4e00-\u9fff]+|[a-z0-9]{2,}/g) ?? []) {
    if (!/[\u4e00-\u9fff]/.test(run)) {
      if (!/^\d+$/.test(run)) add(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const bg = run.slice(i, i + 2);
      if (!functionChars.test(bg)) add(bg);
    }
  }
  return tf;
}

/** The words asked of the index: the longest (most specific) first, title words before body words. */
function candidateWords(seg: Segmenter, text: string, max = 10): string[] {
  const seen = new Map<string, number>();
  keyWords(seg, text).forEach((w, i) => {
    if (!seen.has(w)) seen.set(w, i);
  });
  return [...seen.entries()]
    .sort(([a, i], [b, j]) => b.length - a.length || i - j)
    .slice(0, max)
    .map(([w]) => w);
}

/**
 * 类案答复: the replies already given to the answered demands most like `text`, among those the
 * actor may see. The demands module picks at most 200 candidates through its search index; they
 * are ranked here by TF-IDF cosine (sublinear tf, IDF over the candidates) of character bigrams.
 */
export async function similarReplies(
  db: Reader,
  actor: Actor,
  seg: Segmenter,
  opts: { text: string; excludeId?: number; limit?: number; threshold?: number },
): Promise<SimilarReply[]> {
  const candidates = await answeredLike(db, actor, { words: candidateWords(seg, opts.text), excludeId: opts.excludeId, limit: 200 });
  if (!candidates.length) return [];
  const query = terms(opts.text);
  const docs = candidates.map((c) => terms(`${c.title} ${c.content}`));
  const df = new Map<string, number>();
  for (const d of [query, ...docs]) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length + 1;
  const vector = (tf: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1);
      v.set(t, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) || 1 };
  };
  const q = vector(query);
  return candidates
    .map((c, i) => {
      const d = vector(docs[i]);
      let dot = 0;
      for (const [t, w] of q.v) dot += w * (d.v.get(t) ?? 0);
      return { c, similarity: dot / (q.norm * d.norm) };
    })
    .filter((s) => s.similarity >= (opts.threshold ?? 0.05))
    .sort((a, b) => b.similarity - a.similarity || b.c.id - a.c.id)
    .slice(0, opts.limit ?? 5)
    .map(({ c, similarity }) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      replyText: c.replyText,
      unitName: c.unitName,
      repliedAt: c.repliedAt ? c.repliedAt.toISOString() : null,
      similarity: Math.round(similarity * 1000) / 1000,
    }));
}
