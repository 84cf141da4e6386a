// Knowledge search quality: top-3 hit rate of the demo's residents' questions against its articles,
// BM25 with and without synonyms, and the substring search it replaced.
import { demoArticles, demoQuestions } from '../src/demo/knowledge-articles.js';
import { Bm25 } from '../src/modules/knowledge/bm25.js';
import { articleFields } from '../src/modules/knowledge/queries/search-articles.js';
import { Segmenter } from '../src/modules/text/index.js';

export function knowledgeHitRates() {
  const seg = new Segmenter();
  const docs = demoArticles.map((a, id) => ({ id, fields: articleFields(a) }));
  const rate = (top3: (q: string) => string[]) =>
    Number((demoQuestions.filter((q) => top3(q.question).includes(q.answer)).length / demoQuestions.length).toFixed(3));
  const ranked = (index: Bm25) => (q: string) => index.search(q, 3).map((r) => demoArticles[r.id].title);
  return {
    questions: demoQuestions.length,
    articles: demoArticles.length,
    bm25Synonyms: rate(ranked(new Bm25(docs, (t) => seg.cut(t)))),
    bm25: rate(ranked(new Bm25(docs, (t) => seg.cut(t), false))),
    substring: rate((q) =>
      demoArticles
        .filter((a) => `${a.title} ${a.body} ${a.keywords}`.includes(q))
        .slice(0, 3)
        .map((a) => a.title),
    ),
  };
}
