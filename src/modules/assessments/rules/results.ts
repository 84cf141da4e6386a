import { rank } from './ranking.js';
import { type Aspect, itemsOf } from './rubric.js';
import { mean, roundTo, spread, trimmedMean, wilson } from './statistics.js';

export type SubjectRow = { id: number; name: string; stratum: string | null; mode: string | null };
export type ScoreRow = { subjectId: number; userId: number; itemKey: string; passed: boolean | null; score: number | null };
export type FindingRow = { subjectId: number; itemKey: string; status: 'open' | 'decided'; passed: boolean | null; score: number | null };

const pct = (x: number) => roundTo(x * 100, 1);
const interval = (ok: number, n: number) => {
  const w = wilson(ok, n);
  return w ? { rate: pct(w.rate), low: pct(w.low), high: pct(w.high) } : null;
};

/**
 * Pass/fail results. An item's outcome is the expert panel's finding when there is one (final),
 * else failed if any assessor failed it. A subject counts once every item has an outcome and no
 * consultation is pending; it qualifies when every item passed.
 */
export function qualification(aspects: Aspect[], subjects: SubjectRow[], scores: ScoreRow[], findings: FindingRow[]) {
  const items = itemsOf(aspects).filter((i) => i.kind === 'pass_fail');
  const outcome = new Map<string, boolean>();
  for (const s of scores) {
    if (s.passed === null) continue;
    const k = `${s.subjectId}:${s.itemKey}`;
    outcome.set(k, (outcome.get(k) ?? true) && s.passed);
  }
  const pending = new Set<number>();
  for (const f of findings) {
    if (f.status === 'open') pending.add(f.subjectId);
    else if (f.passed !== null) outcome.set(`${f.subjectId}:${f.itemKey}`, f.passed);
  }
  const failuresByItem = Object.fromEntries(items.map((i) => [i.key, 0]));
  const strata = new Map<string, { assessed: number; qualified: number }>();
  let assessed = 0;
  let qualified = 0;
  const failed: number[] = [];
  for (const subject of subjects) {
    if (pending.has(subject.id)) continue;
    const results = items.map((i) => outcome.get(`${subject.id}:${i.key}`));
    if (results.some((r) => r === undefined)) continue;
    const ok = results.every(Boolean);
    assessed++;
    if (ok) qualified++;
    else failed.push(subject.id);
    for (const [n, i] of items.entries()) if (!results[n]) failuresByItem[i.key]++;
    const name = subject.stratum ?? '—';
    const st = strata.get(name) ?? { assessed: 0, qualified: 0 };
    st.assessed++;
    if (ok) st.qualified++;
    strata.set(name, st);
  }
  return {
    sampled: subjects.length,
    assessed,
    qualified,
    pendingConsultation: pending.size,
    rate: interval(qualified, assessed),
    strata: [...strata.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([stratum, s]) => ({ stratum, ...s, rate: interval(s.qualified, s.assessed) })),
    failuresByItem: items.map((i) => ({ itemKey: i.key, name: i.name, failures: failuresByItem[i.key] })),
    failedSubjectIds: failed,
  };
}

/**
 * Scored results. Each assessor's total is Σ weight × score over the scale items (an expert's
 * finding replaces every assessor's score for that item); the subject's score is the panel mean,
 * or the trimmed mean (drop one highest and one lowest) when the assessment says so. Ranked with
 * the declared tie-breaks: the panel means of the named items, in order.
 */
export function scoring(
  aspects: Aspect[],
  subjects: SubjectRow[],
  scores: ScoreRow[],
  findings: FindingRow[],
  opts: { trim: boolean; tieBreak: string[] },
) {
  const items = itemsOf(aspects).filter((i) => i.kind === 'scale');
  const override = new Map(
    findings.filter((f) => f.status === 'decided' && f.score !== null).map((f) => [`${f.subjectId}:${f.itemKey}`, f.score!]),
  );
  const bySubject = new Map<number, Map<number, Map<string, number>>>();
  for (const s of scores) {
    if (s.score === null) continue;
    const panel = bySubject.get(s.subjectId) ?? new Map();
    const one = panel.get(s.userId) ?? new Map();
    one.set(s.itemKey, override.get(`${s.subjectId}:${s.itemKey}`) ?? s.score);
    panel.set(s.userId, one);
    bySubject.set(s.subjectId, panel);
  }
  const rows = subjects.map((subject) => {
    const panel = [...(bySubject.get(subject.id)?.values() ?? [])].filter((one) => items.every((i) => one.has(i.key)));
    const totals = panel.map((one) => items.reduce((s, i) => s + (i.weight ?? 1) * one.get(i.key)!, 0));
    const itemMean = (key: string) => mean(panel.map((one) => one.get(key)!));
    const final = opts.trim ? trimmedMean(totals) : mean(totals);
    return {
      subjectId: subject.id,
      name: subject.name,
      mode: subject.mode,
      assessors: panel.length,
      mean: final === null ? null : roundTo(mean(totals)!, 2),
      trimmedMean: opts.trim && final !== null ? roundTo(final, 2) : null,
      final: final === null ? null : roundTo(final, 2),
      spread: totals.length ? mapSpread(spread(totals)!) : null,
      aspects: aspects
        .filter((a) => a.items.some((i) => i.kind === 'scale'))
        .map((a) => ({
          aspectKey: a.key,
          mean: panel.length
            ? roundTo(
                a.items.filter((i) => i.kind === 'scale').reduce((s, i) => s + (i.weight ?? 1) * (itemMean(i.key) ?? 0), 0),
                2,
              )
            : null,
        })),
      tieBreaks: opts.tieBreak.map((k) => (panel.length ? roundTo(itemMean(k)!, 4) : null)),
    };
  });
  const complete = rows.filter((r) => r.final !== null);
  const ranked = rank(
    complete.map((r) => ({ ...r, key: r.subjectId, total: r.final! })),
    opts.tieBreak,
  );
  const rankOf = new Map(ranked.map((r) => [r.subjectId, r]));
  const maxTotal = items.reduce((s, i) => s + (i.weight ?? 1) * (i.max ?? 0), 0);
  const aspectMeans = aspects
    .filter((a) => a.items.some((i) => i.kind === 'scale'))
    .map((a) => {
      const xs = complete.map((r) => r.aspects.find((x) => x.aspectKey === a.key)?.mean).filter((x): x is number => typeof x === 'number');
      return { aspectKey: a.key, name: a.name, mean: xs.length ? roundTo(mean(xs)!, 2) : null };
    });
  return {
    maxTotal,
    aspectMeans,
    scored: complete.length,
    unscored: rows.length - complete.length,
    tieBreak: opts.tieBreak,
    trimmed: opts.trim,
    rows: rows
      .map(({ tieBreaks: _, ...r }) => ({
        ...r,
        rank: rankOf.get(r.subjectId)?.rank ?? null,
        decidedBy: rankOf.get(r.subjectId)?.decidedBy ?? null,
      }))
      .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.subjectId - b.subjectId),
  };
}

const mapSpread = (s: { range: number; sd: number }) => ({ range: roundTo(s.range, 2), sd: roundTo(s.sd, 2) });
