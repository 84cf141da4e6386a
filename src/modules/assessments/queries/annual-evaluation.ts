import { and, eq, sql } from 'drizzle-orm';
import { type Actor, organiserRoles, type Reader, withinRegions } from '../../../kernel/index.js';
import { regionOf } from '../../regions/index.js';
import { qualification } from '../rules/results.js';
import { roundTo, wilson } from '../rules/statistics.js';
import { assessmentRubrics, assessments } from '../tables.js';
import { loadOutcomes } from './outcomes.js';

/**
 * 年度评估: the year's closed rounds of a series (季度抽查), each with its rate and interval, and the
 * year pooled over every record assessed.
 */
export async function annualEvaluation(db: Reader, actor: Actor, series: string, year: number) {
  const rounds = await db
    .select({ a: assessments, aspects: assessmentRubrics.aspects })
    .from(assessments)
    .innerJoin(assessmentRubrics, eq(assessmentRubrics.id, assessments.rubricId))
    .where(
      and(
        eq(assessments.series, series),
        sql`extract(year from ${assessments.startsOn}) = ${year}`,
        sql`${assessments.state} in ('closed', 'published')`,
        withinRegions(actor, organiserRoles, regionOf(assessments.regionId).path),
      ),
    )
    .orderBy(assessments.startsOn, assessments.id);
  let assessed = 0;
  let qualified = 0;
  const out = [];
  for (const r of rounds) {
    const { subjects, scores, findings } = await loadOutcomes(db, r.a.id);
    const q = qualification(
      r.aspects,
      subjects.map((s) => ({ id: s.id, name: s.name, stratum: s.stratum, mode: s.mode })),
      scores,
      findings,
    );
    assessed += q.assessed;
    qualified += q.qualified;
    out.push({ assessmentId: r.a.id, title: r.a.title, period: r.a.period, assessed: q.assessed, qualified: q.qualified, rate: q.rate });
  }
  const w = wilson(qualified, assessed);
  const pct = (x: number) => roundTo(x * 100, 1);
  return {
    series,
    year,
    rounds: out,
    total: { assessed, qualified, rate: w ? { rate: pct(w.rate), low: pct(w.low), high: pct(w.high) } : null },
  };
}
