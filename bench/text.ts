// npm run bench:text — category suggestion quality and speed on the public message data,
// topics on real messages, and near-duplicate lookup latency at 10^4, 10^5 and 10^6 stored
// demands (embedded database up to 10^5, the server up to 10^6). Writes bench/results/text.json.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { type Database, openDatabase, runMigrations } from '../src/db/client.js';
import { bandKeys, signature, signatureToBuffer } from '../src/lib/minhash.js';
import { createRegion } from '../src/modules/regions/store.js';
import { topicsCommand } from '../src/modules/text/cli.js';
import { findDuplicates } from '../src/modules/text/duplicates.js';
import { evaluateFolds, evaluateTrainTest, type LabeledRow, readLabeledCsv } from '../src/modules/text/evaluate.js';
import { stratifiedFolds } from '../src/modules/text/metrics.js';
import { refreshTopics } from '../src/modules/text/refresh-topics.js';
import { storedTopics } from '../src/modules/text/stored-topics.js';
import { knowledgeHitRates } from './knowledge.js';
import { topicQuality } from './topic-quality.js';

const data = new URL('../../shared/data/', import.meta.url).pathname;
const out: Record<string, unknown> = { bench: 'text', at: new Date().toISOString() };
const r3 = (x: number) => Number(x.toFixed(3));

if (process.env.BENCH_TEXT_SKIP_QUALITY) {
  console.log('BENCH_TEXT_SKIP_QUALITY: classification and topic quality skipped.');
} else if (!existsSync(`${data}labeled-dev.csv`)) {
  console.log(`../shared/data is absent: classification and topic benchmarks skipped.`);
} else {
  const dev = readLabeledCsv(`${data}labeled-dev.csv`);
  const large = readLabeledCsv(`${data}labeled-large.csv`);
  const summary = (name: string, r: ReturnType<typeof evaluateFolds>) => {
    console.log(
      `${name.padEnd(34)} macro-F1 ${r.macroF1.toFixed(3)}  accuracy ${r.accuracy.toFixed(3)}  train ${r.trainSeconds.toFixed(1)} s  ${Math.round(r.predictPerSecond)} pred/s  (train ${r.trained}, test ${r.tested})`,
    );
    return {
      macroF1: r3(r.macroF1),
      accuracy: r3(r.accuracy),
      trainSeconds: r3(r.trainSeconds),
      predictPerSecond: Math.round(r.predictPerSecond),
      trained: r.trained,
      tested: r.tested,
    };
  };
  out.devFolds = summary('labeled-dev 5-fold CV', evaluateFolds(dev, 5));
  out.devToUnseen = summary('train dev → test unseen (large−dev)', evaluateTrainTest(dev, large));
  out.largeFolds = summary('labeled-large 5-fold CV', evaluateFolds(large, 5));
  // Learning curve: a fixed fifth of the large set is the test; training sets grow from the rest.
  const folds = stratifiedFolds(
    large.map((r) => r.label),
    5,
    7,
  );
  const test = folds[0].map((i) => large[i]);
  const pool = folds
    .slice(1)
    .flat()
    .map((i) => large[i]);
  const curve: unknown[] = [];
  for (const n of [100, 330, 1000, 3000, pool.length]) {
    const order = stratifiedFolds(
      pool.map((r) => r.label),
      Math.max(1, Math.floor(pool.length / n)),
      11,
    );
    const train: LabeledRow[] = (order.length > 1 ? order[0] : pool.map((_, i) => i)).map((i) => pool[i]).slice(0, n);
    curve.push({ n: train.length, ...summary(`learning curve n=${train.length}`, evaluateTrainTest(train, test)) });
  }
  out.learningCurve = curve;
  console.log('\ntopics in replies.csv (2,816 real messages):');
  const t0 = performance.now();
  topicsCommand(['--input', `${data}replies.csv`, '--top', '10']);
  out.topicsSeconds = r3((performance.now() - t0) / 1000);
  console.log(`topics: ${out.topicsSeconds} s`);
  const quality = topicQuality(`${data}replies.csv`);
  console.log('\ntopic quality against five hot issues read by hand (bench/hot-issues.json), best of the top 30 topics:');
  for (const q of quality)
    console.log(
      `  ${q.issue.padEnd(8)} ${String(q.messages).padStart(3)} messages → #${q.rank} ${q.topic}  precision ${q.precision}  recall ${q.recall}`,
    );
  out.topicQuality = quality;
}

const kb = knowledgeHitRates();
console.log(
  `\nknowledge search, top-3 hit rate on ${kb.questions} residents' questions over ${kb.articles} demo articles: BM25 + synonyms ${kb.bm25Synonyms}, BM25 alone ${kb.bm25}, substring (before) ${kb.substring}`,
);
out.knowledge = kb;

// Near-duplicate lookup latency against N stored demands.
const places = ['丽发新城', '桂花坪', '滨河路', '南门社区', '玉屏社区', '迎宾大道', '海棠小区', '板桥村', '工业园', '陶宝社区'];
const problems = [
  '路灯不亮晚上出行不安全',
  '下水道堵塞污水横流',
  '夜间施工噪音扰民',
  '小区停水没有提前通知',
  '垃圾站臭气熏天无人清运',
  '占道经营堵塞交通',
  '电梯故障一个月没人修',
  '公交站没有遮雨棚',
  '学校门口车辆乱停',
  '楼道电线杂乱有火灾隐患',
];
function syntheticText(i: number): string {
  return `${places[i % places.length]}${(i * 7919) % 997}号${problems[(i * 31) % problems.length]}，已经${(i % 9) + 1}天了，编号${i}`;
}

async function loadSynthetic(db: Database, regionId: number, from: number, to: number) {
  for (let start = from; start < to; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(to, start + 500); i++) {
      const text = syntheticText(i);
      const sig = signature(text);
      rows.push(
        sql`(${`B${i}`}, 'x', 'api', 'complaint', 'registered', ${text.slice(0, 20)}, ${text}, ${regionId}, ${signatureToBuffer(sig)}, array[${sql.join(
          bandKeys(sig).map((h) => sql`${h}`),
          sql`, `,
        )}]::int[])`,
      );
    }
    await db.db.execute(
      sql`insert into demands (number, query_code_hash, channel, type, state, title, content, region_id, minhash, lsh) values ${sql.join(rows, sql`, `)}`,
    );
  }
}

async function lookupLatency(db: Database, regionPath: string, samples = 200) {
  const times: number[] = [];
  let found = 0;
  for (let s = 0; s < samples; s++) {
    const text = `${syntheticText(s * 37)}，请尽快处理`;
    const t0 = performance.now();
    const hits = await findDuplicates(db.db, { text, regionPath, since: new Date(0) });
    times.push(performance.now() - t0);
    if (hits.length) found++;
  }
  times.sort((a, b) => a - b);
  return { p50: r3(times[Math.floor(samples / 2)]), p99: r3(times[Math.floor(samples * 0.99)]), foundShare: r3(found / samples) };
}

/** The background refresh of 一类事 over the window, then the stored read GET /topics makes (median of 5 after a first). */
async function topicsLatency(db: Database) {
  const app = { db: db.db, now: () => new Date(), log: pino({ level: 'silent' }) };
  const t0 = performance.now();
  const refreshed = await refreshTopics(app);
  const refreshSeconds = r3((performance.now() - t0) / 1000);
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t1 = performance.now();
    await storedTopics(db.db, { scope: sql`true`, days: 90, limit: 20, now: new Date() });
    if (i > 0) times.push(performance.now() - t1);
  }
  times.sort((a, b) => a - b);
  return { refreshSeconds, p50: r3(times[2]), topics: refreshed.topics };
}

async function duplicateBench(kind: 'pglite' | 'postgres', sizes: number[]) {
  let database: Database;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'tingjian-dup-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `tingjian_dup_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
    } catch {
      console.log('server PostgreSQL not reachable: skipped');
      return null;
    }
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString(), poolSize: 4 });
    cleanup = async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  try {
    await runMigrations(database);
    const region = await database.db.transaction((tx) =>
      createRegion(tx, { parentId: null, level: 'district', name: '压测区', code: 'DUP' }),
    );
    const results: unknown[] = [];
    let loaded = 0;
    for (const n of sizes) {
      const t0 = performance.now();
      await loadSynthetic(database, region.id, loaded, n);
      loaded = n;
      await database.db.execute(sql`analyze demands`);
      const r = await lookupLatency(database, region.path);
      console.log(
        `duplicates ${kind.padEnd(8)} n=${String(n).padStart(7)}  lookup p50 ${r.p50} ms  p99 ${r.p99} ms  (found a near-duplicate for ${Math.round(r.foundShare * 100)}% of probes; loading took ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
      const topics = await topicsLatency(database);
      console.log(
        `topics     ${kind.padEnd(8)} n=${String(n).padStart(7)}  refresh (worker, newest 20,000) ${topics.refreshSeconds} s  GET /topics query p50 ${topics.p50} ms (${topics.topics} topics stored)`,
      );
      results.push({ n, ...r, topics });
    }
    return results;
  } finally {
    await cleanup();
  }
}

out.duplicates = {
  pglite: await duplicateBench('pglite', [10_000, 100_000]),
  postgres: await duplicateBench(
    'postgres',
    (process.env.BENCH_DUP_MAX ?? '1000000') === '1000000' ? [10_000, 100_000, 1_000_000] : [10_000, 100_000],
  ),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/text.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('written bench/results/text.json');
