import type { Segmenter } from './segment.js';

/**
 * Places named in a demand's own words: residential compounds, roads, villages (丽发新城,
 * 伊景园滨河苑, 滨河路). A place ends in one of these suffixes and starts where the words before it
 * stop being part of a name.
 */
const suffix = /(小区|新城|花园|家园|公寓|大厦|广场|大道|社区|市场|公园|小学|中学|医院|苑|园|府|城|路|街|巷|村|组|湾|院)$/;

/** Words a name never runs across: function words, pronouns, positions. */
const boundary = new Set(
  '的 在 住 是 了 和 与 及 或 我 你 他 她 它 们 家 有 从 到 向 对 把 被 给 请 将 让 也 都 就 还 又 很 太 最 该 本 这 那 每 各 某 个 靠 近 去 来 说 要 想 能 会 和 跟 同 为 因 所 于 里 内 外 上 下 前 后 中 旁 边'.split(
    ' ',
  ),
);
const boundaryWords = new Set(
  '有人 位于 家住 附近 旁边 对面 门口 周边 周围 这里 那里 这个 那个 一个 我们 你们 他们 小区内 楼下 楼上 门前 后面 前面 里面 外面 地址 位置 所在 所在地 目前 现在 今年 去年 晚上 白天 早上 凌晨 每天 天天 星期 周末 多次 反映 投诉 举报 希望 请求 要求 关于 请问 咨询 建议 问题 居民 业主 市民 群众 开发商 物业 公司 政府 部门'.split(
    ' ',
  ),
);
/** Words that end like a place but name a kind of place, not one. */
const generic = new Set(
  '幼儿园 菜市场 农贸市场 居民区 老小区 新小区 城中村 停车场 公园 广场 小区 社区 花园 家园 马路 道路 公路 铁路 大道 县城 城区 城市 农村 全城 乡村 学校 小学 中学 医院 大院 庭院 法院 学院 医院 校园 园区 工业园 产业园 游乐园 动物园 植物园 步行街 商业街 美食街 老街 背街'.split(
    ' ',
  ),
);
const wholeSuffix = /^(小区|新城|花园|家园|公寓|大厦|广场|大道|社区|市场|公园|小学|中学|医院)$/;
/** Offices and kinds of road: 县政府, 扶贫道路. */
const genericEnd = /(政府|道路|马路|公路|铁路|线路|街道|大街小巷)$/;
const han = /^[\u4e00-\u9fff]+$/;
const maxLength = 10;
const maxWordsBefore = 3;

/** A compound named with 小区/社区 after its own name is the name: 丽发新城小区 → 丽发新城. */
function tidy(place: string): string {
  const bare = place.replace(/(小区|社区)$/, '');
  return bare !== place && bare.length >= 3 && suffix.test(bare) ? bare : place;
}

/** Parts of speech a name never runs across: verbs, adverbs, pronouns, prepositions, numbers, idioms. */
const stopTags = /^(v|vd|vn|vg|d|dg|r|rr|rz|p|u|uj|ul|uz|uv|ud|ug|f|s|m|mq|q|c|a|ad|an|ag|i|l|t|tg|y|e|o|z|zg)$/;

/** Every place a demand's words name, as [start, end) token spans and their text. */
export function minePlaces(tagged: { word: string; tag: string }[]): { place: string; from: number; to: number }[] {
  const tokens = tagged.map((t) => t.word);
  const out: { place: string; from: number; to: number }[] = [];
  for (let end = 0; end < tokens.length; end++) {
    if (!suffix.test(tokens[end]) || !han.test(tokens[end])) continue;
    // 广场/舞: a lone character after the suffix carries on the word, so this is not a name's end.
    const next = tokens[end + 1];
    if (next && next.length === 1 && han.test(next) && !boundary.has(next)) continue;
    let text = tokens[end];
    for (let start = end; start >= 0; start--) {
      if (start < end) {
        const t = tokens[start];
        if (!han.test(t) || boundary.has(t) || boundaryWords.has(t) || (t !== '之' && stopTags.test(tagged[start].tag))) break;
        // 医院/建筑/设计/规范/医院: a name is a few words before its suffix, not a run of nouns.
        if (text.length + t.length > maxLength || end - start > maxWordsBefore) break;
        text = t + text;
      }
      const name = tidy(text);
      const head = name.replace(suffix, '');
      // 新城小区, 之城小区: the part before the suffix must be a name, not another suffix.
      const headIsSuffix = wholeSuffix.test(head) || head.startsWith('之');
      if (
        name.length >= 3 &&
        head.length >= 2 &&
        !headIsSuffix &&
        !generic.has(name) &&
        !genericEnd.test(name) &&
        !boundaryWords.has(head)
      ) {
        out.push({ place: name, from: start, to: end + 1 });
      }
    }
  }
  return out;
}

/** Two places are the same place when one names the other (滨河路 within 宝城社区滨河路). */
export const samePlace = (a: string, b: string) => a.includes(b) || b.includes(a);

/**
 * Place names that recur across demands, taught to the segmenter so that they are never cut
 * again (伊景园滨河苑 one word, not 伊/景园/滨河/苑). Returns what was learned.
 */
export function learnPlaces(texts: Iterable<string>, seg: Segmenter, minCount = 3): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const p of new Set(minePlaces(seg.tag(text)).map((m) => m.place))) counts.set(p, (counts.get(p) ?? 0) + 1);
  const learned = [...counts].filter(([place, n]) => n >= minCount && place.length >= 3).map(([place]) => place);
  seg.addWords(learned);
  return learned;
}
