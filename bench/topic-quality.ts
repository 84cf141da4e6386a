// Topic quality against hot issues read by hand from replies.csv (bench/hot-issues.json): for
// each issue, the topic among the top N sharing most messages with it, and that topic's precision
// (its messages that belong to the issue) and recall (the issue's messages it holds).
import { readFileSync } from 'node:fs';
import { parseCsvObjects } from '../src/lib/csv.js';
import { findTopics } from '../src/modules/text/topics.js';

type HotIssue = { name: string; what: string; ids: string[] };

export function topicQuality(csvPath: string, top = 30) {
  const hot = (JSON.parse(readFileSync(new URL('./hot-issues.json', import.meta.url), 'utf8')) as { issues: HotIssue[] }).issues;
  const rows = parseCsvObjects(readFileSync(csvPath, 'utf8')).map((r) => ({
    id: r.id ?? '',
    text: `${r.title ?? ''} ${r.body ?? ''}`,
    title: r.title ?? '',
    time: r.time ? new Date(r.time) : new Date(0),
    reporter: r.user ?? r.id ?? '',
  }));
  const topics = findTopics(rows).slice(0, top);
  return hot.map((issue) => {
    const want = new Set(issue.ids);
    let best = { label: '(none)', overlap: 0, size: 0, rank: 0 };
    topics.forEach((t, i) => {
      const overlap = t.ids.filter((id) => want.has(id)).length;
      if (overlap > best.overlap) best = { label: t.label, overlap, size: t.size, rank: i + 1 };
    });
    return {
      issue: issue.name,
      messages: want.size,
      topic: best.label,
      rank: best.rank,
      precision: best.size ? Number((best.overlap / best.size).toFixed(3)) : 0,
      recall: Number((best.overlap / want.size).toFixed(3)),
    };
  });
}
