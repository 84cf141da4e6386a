// 类案答复 on real messages: replies.csv (2,816 messages with their official replies). A tenth is held
// out; the rest are loaded as answered demands into an embedded database; for each held-out message
// the top 3 similar replies are asked for. A hit is a suggestion from the same responding unit (read
// from the reply's text) or whose reply reads like the true one (character-bigram Jaccard ≥ 0.3, above
// the 99.9th percentile of random pairs of replies, 0.29). `npm run bench:similar`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, runMigrations } from '../src/db/client.js';
import { systemActor } from '../src/kernel/index.js';
import { parseCsvObjects } from '../src/lib/csv.js';
import { createRegion } from '../src/modules/regions/store.js';
import { Segmenter } from '../src/modules/text/index.js';
import { similarReplies } from '../src/modules/text/similar-replies.js';

const csv = new URL('../../shared/data/replies.csv', import.meta.url).pathname;
if (!existsSync(csv)) {
  console.log('../shared/data/replies.csv is absent: the 类案答复 benchmark is skipped.');
  process.exit(0);
}

type Message = { id: string; title: string; body: string; reply: string; time: string };
const messages: Message[] = parseCsvObjects(readFileSync(csv, 'utf8'))
  .map((r) => ({ id: r.id, title: r.title, body: r.body, reply: r.reply, time: r.reply_time || r.time }))
  .filter((m) => m.reply.trim().length > 0 && m.title.trim().length > 0);

const unitSuffix = '(?:人民政府|办事处|委员会|管委会|街道|分局|大队|支队|中队|派出所|局|公司|中心|厅|镇|乡)';
const unitPattern = new RegExp(`[A-Z]?\\d*[\\u4e00-\\u9fff]{1,12}?${unitSuffix}`, 'g');
/** Characters that are not part of a unit's name: a match is cut after the last of them (建议可拨打市房屋交易管理中心 → 市房屋交易管理中心). */
const notName =
  /[^\u4e00-\u9fffA-Z0-9]|[您我的在将对拨打位于为可是和与及请非本再所或者一了向由经据关针现已该按其此到从把被给让等至感谢]|\d+(?![区县市])/g;

/** The unit that answered, as the reply names it: its signature at the end if it has one, else the first name. */
export function respondingUnit(reply: string): string | null {
  const clean = (s: string) => {
    let cut = 0;
    for (const m of s.matchAll(notName)) cut = (m.index ?? 0) + m[0].length;
    return s.slice(cut);
  };
  const names = (s: string) => [...s.matchAll(unitPattern)].map((m) => clean(m[0])).filter((n) => n.length >= 3);
  const tail = names(reply.slice(-80));
  if (tail.length) return tail[tail.length - 1];
  return names(reply.slice(0, 300))[0] ?? null;
}

const bigrams = (s: string) => {
  const t = s.replace(/\s+/g, '');
  const set = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) set.add(t.slice(i, i + 2));
  return set;
};
/** Jaccard of the character-bigram sets of two replies. */
export function replySimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / Math.max(1, x.size + y.size - both);
}
const sameReplyThreshold = 0.3;

// A fixed tenth held out: every tenth message of a seeded shuffle.
let seed = 20261206;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const order = messages.map((_, i) => i).sort(() => random() - 0.5);
const heldOut = new Set(order.filter((_, k) => k % 10 === 0));
const stored = messages.filter((_, i) => !heldOut.has(i));
const asked = messages.filter((_, i) => heldOut.has(i));

const dir = mkdtempSync(join(tmpdir(), 'tingjian-similar-'));
const database = await openDatabase({ dataDir: dir });
try {
  await runMigrations(database);
  const region = await database.db.transaction((tx) =>
    createRegion(tx, { parentId: null, level: 'district', name: '测试区', code: 'SIM' }),
  );
  const t0 = performance.now();
  for (let start = 0; start < stored.length; start += 200) {
    const rows = stored.slice(start, start + 200).map((m, k) => {
      const at = Number.isNaN(Date.parse(m.time)) ? new Date('2019-06-01T00:00:00Z') : new Date(m.time);
      return sql`(${`S${start + k}`}, 'x', 'web', 'complaint', 'closed', ${m.title.slice(0, 200)}, ${m.body}, ${region.id}, ${m.reply}, ${at.toISOString()}::timestamptz)`;
    });
    await database.db.execute(
      sql`insert into demands (number, query_code_hash, channel, type, state, title, content, region_id, reply_text, replied_at) values ${sql.join(rows, sql`, `)}`,
    );
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const byNumber = new Map(stored.map((m, i) => [`S${i}`, m]));

  const seg = new Segmenter();
  await similarReplies(database.db, systemActor, seg, { text: asked[0].title, limit: 3 }); // warm the segmenter
  const times: number[] = [];
  let hits = 0;
  let unitHits = 0;
  let textHits = 0;
  let withUnit = 0;
  let answered = 0;
  let baselineHits = 0;
  for (const m of asked) {
    const trueUnit = respondingUnit(m.reply);
    if (trueUnit) withUnit++;
    const t1 = performance.now();
    const top = await similarReplies(database.db, systemActor, seg, { text: `${m.title} ${m.body}`, limit: 3 });
    times.push(performance.now() - t1);
    if (top.length) answered++;
    const isHit = (reply: string) => {
      const unit = trueUnit !== null && respondingUnit(reply) === trueUnit;
      const text = replySimilarity(reply, m.reply) >= sameReplyThreshold;
      return { unit, text, any: unit || text };
    };
    const judged = top.map((s) => isHit(byNumber.get(s.number)?.reply ?? s.replyText));
    if (judged.some((j) => j.any)) hits++;
    if (judged.some((j) => j.unit)) unitHits++;
    if (judged.some((j) => j.text)) textHits++;
    // Baseline: three stored replies drawn at random.
    const drawn = [0, 1, 2].map(() => stored[Math.floor(random() * stored.length)].reply);
    if (drawn.some((r) => isHit(r).any)) baselineHits++;
  }
  times.sort((a, b) => a - b);
  const r3 = (x: number) => Number(x.toFixed(3));
  const result = {
    bench: 'similar',
    at: new Date().toISOString(),
    stored: stored.length,
    heldOut: asked.length,
    heldOutWithUnit: withUnit,
    loadSeconds: r3(loadSeconds),
    top3HitRate: r3(hits / asked.length),
    top3SameUnit: r3(unitHits / asked.length),
    top3SimilarReply: r3(textHits / asked.length),
    withAnySuggestion: r3(answered / asked.length),
    randomBaselineTop3: r3(baselineHits / asked.length),
    latencyMs: { p50: r3(times[Math.floor(times.length / 2)]), p95: r3(times[Math.floor(times.length * 0.95)]) },
    hit: `same unit named in the reply (regex of unit suffixes), or character-bigram Jaccard of the replies >= ${sameReplyThreshold}`,
  };
  console.log(
    `类案答复 on replies.csv: ${stored.length} answered demands stored, ${asked.length} held out (${withUnit} with a unit read from the reply)\n` +
      `  top-3 hit rate ${result.top3HitRate} (same unit ${result.top3SameUnit}, similar reply ${result.top3SimilarReply}); random 3 replies ${result.randomBaselineTop3}\n` +
      `  any suggestion for ${result.withAnySuggestion} of the questions; latency p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms (embedded PGlite)`,
  );
  mkdirSync(new URL('./results/', import.meta.url).pathname, { recursive: true });
  writeFileSync(new URL('./results/similar.json', import.meta.url).pathname, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
