import { learnPlaces, minePlaces, samePlace } from './places.js';
import { Segmenter } from './segment.js';

export type TopicInput = {
  id: string;
  text: string;
  title?: string;
  time: Date;
  likes?: number;
  reporter?: string;
  /** The installation's place for the demand (its community's name), when it has one. */
  place?: string;
};

export type Topic = {
  label: string;
  /** The place all (or most) of its demands name, and the problem they share. */
  place: string | null;
  problem: string;
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

const noise = new Set(
  '问题 反映 情况 相关 部门 希望 解决 请求 建议 咨询 投诉 举报 要求 居民 业主 我们 目前 一直 没有 已经 进行 工作 政府 领导 书记 市长 你好 您好 尊敬 网友 时间 今年 去年 现在 这个 那个 什么 为什么 怎么 如何 能否 是否 可以 多次 严重 关于 存在 导致 造成 及时 社区 小区 附近 周边 旁边 门口 晚上 早上 白天 凌晨 中午 每天 天天 经常 星期 星期一 星期二 星期三 星期四 星期五 星期六 星期天 星期日 周一 周二 周三 周四 周五 周六 周日 周末 礼拜 一片 有人 大家 非常 特别 真的 还是 但是 因为 所以 而且 这样 那样 一下 一些 出现 发生 好几天 几天 很多 太多'.split(
    ' ',
  ),
);

/** Things residents complain about, kept whole by the segmenter (路灯不亮 is 路灯/不亮, not 路/灯不亮). */
const problemWords =
  '路灯 不亮 井盖 噪音 扰民 油烟 广场舞 停水 停电 漏水 积水 违建 占道 车位 垃圾 异味 臭味 堵车 停车 施工 搅拌站 电梯 化粪池 下水道 排水沟 破损 坑洼 脱落 漆黑 渣土车 充电桩'.split(
    ' ',
  );

const textLimit = 600;

type Vec = Map<string, number>;
const dot = (a: Vec, b: Vec) => {
  let s = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, v] of small) s += v * (big.get(k) ?? 0);
  return s;
};
const norm = (a: Vec) => Math.sqrt(dot(a, a)) || 1;
const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

type Member = TopicInput & { places: string[]; problemText: string };
type Cluster = { centroid: Vec; members: Member[]; places: Map<string, number>; regions: Map<string, number> };

/** What at least a third of a topic's demands name: the places a newcomer must share. */
const common = (counts: Map<string, number>, size: number) => [...counts].filter(([, n]) => n * 3 >= size).map(([k]) => k);

/**
 * 一类事: the same problem at the same place, grouped as demands arrive. A demand's places are
 * mined from its words (丽发新城, 滨河路) or, when it names none, its community; its problem is
 * the rest of its words. It joins the most similar topic (cosine of TF-IDF vectors of the
 * problem alone, candidates found through an inverted index) only if it names the same place as
 * the topic, or one containing it: place alone never joins, nor problem alone across places.
 * Adding demands one by one gives the same topics as a batch in the same order.
 */
export class TopicIndex {
  private readonly df = new Map<string, number>();
  private docs = 0;
  private readonly clusters: Cluster[] = [];
  private readonly byWord = new Map<string, Set<number>>();

  constructor(
    private readonly seg: Segmenter = new Segmenter(),
    private readonly threshold = 0.12,
  ) {
    seg.addWords(problemWords);
  }

  add(doc: TopicInput): number {
    // What and where are said first: the first few sentences carry them, and a long letter costs no more.
    const tagged = this.seg.tag(doc.text.slice(0, textLimit));
    const tokens = tagged.map((t) => t.word);
    const mined = minePlaces(tagged);
    const covered = new Set(mined.flatMap((p) => Array.from({ length: p.to - p.from }, (_, i) => p.from + i)));
    const places = [...new Set(mined.map((p) => p.place))];
    // The problem is what remains once the places are taken out.
    const rest = tokens.map((t, i) => (covered.has(i) || t === doc.place ? '|' : t));
    const tf = new Map<string, number>();
    rest.forEach((w, i) => {
      if (w.length < 2 || w === '|' || noise.has(w) || /^[0-9a-z.]+$/.test(w)) return;
      // The thing that is wrong (路灯, 井盖, 车位) says more about the problem than how it is put.
      bump(tf, w, tagged[i].tag.startsWith('n') ? 2 : 1);
    });
    // Character bigrams too: jieba may cut 路灯不亮 as 路/灯不亮, the bigram 路灯 survives.
    const han = rest.join('').replace(/[^\u4e00-\u9fff]+/g, '|');
    for (let i = 0; i + 1 < han.length; i++) {
      const bg = han.slice(i, i + 2);
      if (!bg.includes('|') && !noise.has(bg)) bump(tf, `~${bg}`, 0.5);
    }
    this.docs++;
    for (const w of tf.keys()) bump(this.df, w);
    const vec: Vec = new Map();
    for (const [w, c] of tf) vec.set(w, (1 + Math.log(1 + c)) * Math.log((1 + this.docs) / (1 + (this.df.get(w) ?? 0)) + 1));
    const v = new Map([...vec].sort((a, b) => b[1] - a[1]).slice(0, 24));
    const n = norm(v);
    for (const [k, x] of v) v.set(k, x / n);

    const candidates = new Set<number>();
    for (const k of v.keys()) for (const c of this.byWord.get(k) ?? []) candidates.add(c);
    let best = -1;
    let bestSim = this.threshold;
    for (const c of candidates) {
      const cluster = this.clusters[c];
      if (!this.samePlace(places, doc.place, cluster)) continue;
      const sim = dot(v, cluster.centroid) / norm(cluster.centroid);
      if (sim > bestSim) [best, bestSim] = [c, sim];
    }
    if (best < 0) {
      best = this.clusters.length;
      this.clusters.push({ centroid: new Map(), members: [], places: new Map(), regions: new Map() });
    }
    const cluster = this.clusters[best];
    cluster.members.push({ ...doc, places, problemText: rest.filter((w) => w !== '|').join('') });
    for (const p of places) bump(cluster.places, p);
    if (doc.place) bump(cluster.regions, doc.place);
    for (const [k, x] of v) {
      bump(cluster.centroid, k, x);
      if (!this.byWord.has(k)) this.byWord.set(k, new Set());
      this.byWord.get(k)!.add(best);
    }
    return best;
  }

  /** Places named in the text decide; without them, the community; with neither, the problem alone. */
  private samePlace(places: string[], region: string | undefined, c: Cluster): boolean {
    const theirs = common(c.places, c.members.length);
    if (places.length && theirs.length) return places.some((p) => theirs.some((q) => samePlace(p, q)));
    const regions = common(c.regions, c.members.length);
    if (region && regions.length) return regions.includes(region);
    return !places.length && !theirs.length;
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
        const place = labelPlace(c);
        const problem = problemPhrase(keywords, c.members);
        const times = c.members.map((m) => m.time.getTime());
        const recent = times.filter((t) => t > latest.getTime() - week).length;
        const before = times.filter((t) => t <= latest.getTime() - week && t > latest.getTime() - 2 * week).length;
        const growth = recent / Math.max(1, before);
        const reporters = new Set(c.members.map((m) => m.reporter ?? m.id)).size;
        const likes = c.members.reduce((a, m) => a + (m.likes ?? 0), 0);
        return {
          label: place ? `${place} · ${problem}` : problem,
          place,
          problem,
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

/** The place at least half the demands name, the fullest name among the most named; else their community. */
function labelPlace(c: Cluster): string | null {
  const size = c.members.length;
  const named = [...c.places].filter(([, n]) => n * 2 >= size).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  if (named.length) return named[0][0];
  const region = [...c.regions].filter(([, n]) => n * 2 >= size).sort((a, b) => b[1] - a[1])[0];
  return region?.[0] ?? null;
}

/** The two strongest problem words in the order a resident wrote them: 路灯不亮, not 不亮路灯. */
function problemPhrase(keywords: string[], members: Member[]): string {
  // 残疾/残疾人: a word inside the other adds nothing.
  const [first, second] = keywords;
  const top =
    second && (first.includes(second) || second.includes(first)) ? [first.length >= second.length ? first : second] : keywords.slice(0, 2);
  const text = members.find((m) => top.every((k) => m.problemText.includes(k)))?.problemText;
  if (text) top.sort((a, b) => text.indexOf(a) - text.indexOf(b));
  return top.join('');
}

/**
 * 热度: volume and distinct reporters count most (many people, not one person many times),
 * supports add, and the last week's arrivals add again so that a rising topic climbs early.
 *   heat = 10·ln(1+size) + 15·ln(1+reporters) + 5·ln(1+likes) + 10·ln(1+recent7d)
 */
export function heatIndex(t: { size: number; reporters: number; likes: number; recent: number }): number {
  return 10 * Math.log1p(t.size) + 15 * Math.log1p(t.reporters) + 5 * Math.log1p(t.likes) + 10 * Math.log1p(t.recent);
}

export function findTopics(docs: TopicInput[], seg = new Segmenter()): Topic[] {
  learnPlaces(
    docs.map((d) => d.title || d.text.slice(0, 60)),
    seg,
  );
  const index = new TopicIndex(seg);
  for (const d of [...docs].sort((a, b) => a.time.getTime() - b.time.getTime() || a.id.localeCompare(b.id))) index.add(d);
  return index.topics();
}
