import { Segmenter } from './segment.js';

export type TopicInput = { id: string; text: string; title?: string; time: Date; likes?: number; reporter?: string };

export type Topic = {
  label: string;
  keywords: string[];
  size: number;
  reporters: number;
  likes: number;
  first: Date;
  last: Date;
  /** Demands in the last 7 days of the data against the 7 days before (rising > 1). */
  growth: number;
  rising: boolean;
  heat: number;
  ids: string[];
};

const placeSuffix = /(小区|社区|村|路|街|大道|镇|街道|广场|花园|公园|学校|小学|中学|医院|市场|大厦|苑|城|湾|园)$/;
const noise = new Set(
  '问题 反映 情况 相关 部门 希望 解决 请求 建议 咨询 投诉 举报 要求 居民 业主 我们 目前 一直 没有 已经 进行 工作 政府 领导 书记 市长 你好 您好 尊敬 网友 时间 今年 去年 现在 这个 那个 什么 为什么 怎么 如何 能否 是否 可以 多次 严重 关于 存在 导致 造成 及时'.split(
    ' ',
  ),
);

type Vec = Map<string, number>;
const dot = (a: Vec, b: Vec) => {
  let s = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, v] of small) s += v * (big.get(k) ?? 0);
  return s;
};
const norm = (a: Vec) => Math.sqrt(dot(a, a)) || 1;

type Cluster = { centroid: Vec; members: TopicInput[]; words: Map<string, number> };

/**
 * 一类事: demands about the same problem at the same place, grouped as they arrive. Each new
 * demand joins the most similar topic (cosine of TF-IDF word vectors against the topic's
 * centroid, candidates found through an inverted index of keywords) above a threshold, or
 * starts a new one. Adding demands one by one gives the same topics as a batch in the same order.
 */
export class TopicIndex {
  private readonly df = new Map<string, number>();
  private docs = 0;
  private readonly clusters: Cluster[] = [];
  private readonly byWord = new Map<string, Set<number>>();

  constructor(
    private readonly seg: Segmenter = new Segmenter(),
    private readonly threshold = 0.22,
  ) {}

  add(doc: TopicInput): number {
    const words = this.seg.cut(doc.text).filter((w) => w.length >= 2 && !noise.has(w) && !/^[0-9a-z.]+$/.test(w));
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    // Character bigrams too: jieba may cut 路灯不亮 as 路/灯不亮, the bigram 路灯 survives.
    const han = doc.text.replace(/[^\u4e00-\u9fff]+/g, '|');
    for (let i = 0; i + 1 < han.length; i++) {
      const bg = han.slice(i, i + 2);
      if (!bg.includes('|') && !noise.has(bg)) tf.set(`~${bg}`, (tf.get(`~${bg}`) ?? 0) + 0.5);
    }
    this.docs++;
    for (const w of tf.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    const vec: Vec = new Map();
    for (const [w, c] of tf) vec.set(w, (1 + Math.log(1 + c)) * Math.log((1 + this.docs) / (1 + (this.df.get(w) ?? 0)) + 1));
    // Keep the strongest features: they carry the problem and the place.
    const top = [...vec].sort((a, b) => b[1] - a[1]).slice(0, 24);
    const v = new Map(top);
    const n = norm(v);
    for (const [k, x] of v) v.set(k, x / n);

    const candidates = new Set<number>();
    for (const k of v.keys()) for (const c of this.byWord.get(k) ?? []) candidates.add(c);
    let best = -1;
    let bestSim = this.threshold;
    for (const c of candidates) {
      const sim = dot(v, this.clusters[c].centroid) / norm(this.clusters[c].centroid);
      if (sim > bestSim) [best, bestSim] = [c, sim];
    }
    if (best < 0) {
      best = this.clusters.length;
      this.clusters.push({ centroid: new Map(), members: [], words: new Map() });
    }
    const cluster = this.clusters[best];
    cluster.members.push(doc);
    for (const [k, x] of v) {
      cluster.centroid.set(k, (cluster.centroid.get(k) ?? 0) + x);
      if (!this.byWord.has(k)) this.byWord.set(k, new Set());
      this.byWord.get(k)!.add(best);
    }
    for (const w of words) cluster.words.set(w, (cluster.words.get(w) ?? 0) + 1);
    return best;
  }

  /** Topics with two or more demands, hottest first. */
  topics(now?: Date): Topic[] {
    const latest = now ?? new Date(Math.max(0, ...this.clusters.flatMap((c) => c.members.map((m) => m.time.getTime()))));
    const week = 7 * 86_400_000;
    return this.clusters
      .filter((c) => c.members.length >= 2)
      .map((c) => {
        const keywords = [...c.centroid]
          .filter(([k]) => !k.startsWith('~'))
          .sort((a, b) => b[1] - a[1])
          .map(([k]) => k);
        // A place names the topic only when most of its demands mention it.
        const placeCounts = new Map<string, number>();
        for (const m of c.members)
          for (const w of new Set(this.seg.cut(m.text)))
            if (w.length >= 2 && placeSuffix.test(w)) placeCounts.set(w, (placeCounts.get(w) ?? 0) + 1);
        const place = [...placeCounts].filter(([, n]) => n * 2 > c.members.length).sort((a, b) => b[1] - a[1])[0]?.[0];
        const problem = keywords
          .filter((k) => k !== place)
          .slice(0, 2)
          .join('');
        const times = c.members.map((m) => m.time.getTime());
        const recent = times.filter((t) => t > latest.getTime() - week).length;
        const before = times.filter((t) => t <= latest.getTime() - week && t > latest.getTime() - 2 * week).length;
        const growth = recent / Math.max(1, before);
        const reporters = new Set(c.members.map((m) => m.reporter ?? m.id)).size;
        const likes = c.members.reduce((a, m) => a + (m.likes ?? 0), 0);
        return {
          label: place ? `${place} · ${problem}` : problem,
          keywords: keywords.slice(0, 6),
          size: c.members.length,
          reporters,
          likes,
          first: new Date(Math.min(...times)),
          last: new Date(Math.max(...times)),
          growth,
          rising: recent >= 2 && growth >= 2,
          heat: heatIndex({ size: c.members.length, reporters, likes, recent }),
          ids: c.members.map((m) => m.id),
        };
      })
      .sort((a, b) => b.heat - a.heat);
  }
}

/**
 * 热度: volume and distinct reporters count most (many people, not one person many times),
 * supports add, and the last week's arrivals add again so that a rising topic climbs early.
 *   heat = 10·ln(1+size) + 15·ln(1+reporters) + 5·ln(1+likes) + 10·ln(1+recent7d)
 */
export function heatIndex(t: { size: number; reporters: number; likes: number; recent: number }): number {
  return 10 * Math.log1p(t.size) + 15 * Math.log1p(t.reporters) + 5 * Math.log1p(t.likes) + 10 * Math.log1p(t.recent);
}

export function findTopics(docs: TopicInput[], seg?: Segmenter): Topic[] {
  const index = new TopicIndex(seg);
  for (const d of [...docs].sort((a, b) => a.time.getTime() - b.time.getTime() || a.id.localeCompare(b.id))) index.add(d);
  return index.topics();
}
