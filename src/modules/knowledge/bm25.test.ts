import { describe, expect, it } from 'vitest';
import { demoArticles, demoQuestions } from '../../demo/knowledge-articles.js';
import { Segmenter } from '../text/index.js';
import { Bm25 } from './bm25.js';
import { articleFields } from './queries/search-articles.js';

const seg = new Segmenter();
const index = new Bm25(
  demoArticles.map((a, id) => ({ id, fields: articleFields(a) })),
  (t) => seg.cut(t),
);
const titleOf = (id: number) => demoArticles[id].title;

describe('knowledge search (BM25 over words and bigrams, with synonyms)', () => {
  it('answers "我妈今年八十了能领什么补贴" with the 高龄津贴 article first', () => {
    expect(titleOf(index.search('我妈今年八十了能领什么补贴')[0].id)).toBe('高龄津贴申领');
  });

  it('finds the right article in the top three for at least 90% of the residents’ questions', () => {
    const misses = demoQuestions.filter((q) => !index.search(q.question, 3).some((r) => titleOf(r.id) === q.answer));
    const hitRate = 1 - misses.length / demoQuestions.length;
    expect(
      misses.map((m) => m.question),
      `top-3 hit rate ${hitRate.toFixed(3)}`,
    ).toEqual([]);
  });

  it('returns nothing for a question no article speaks of', () => {
    expect(index.search('火星上的天气怎么样')).toEqual([]);
  });
});

describe('question words do not decide the answer', () => {
  it('answers 怎么办理居住证 with 居住证办理 and 路灯坏了找谁 with 路灯损坏报修', () => {
    expect(titleOf(index.search('怎么办理居住证')[0].id)).toBe('居住证办理');
    expect(titleOf(index.search('路灯坏了找谁')[0].id)).toBe('路灯损坏报修');
  });

  it('does not match an article on 办理 or 找谁 alone', () => {
    expect(index.search('怎么办理')).toEqual([]);
    expect(index.search('这事找谁')).toEqual([]);
  });
});
