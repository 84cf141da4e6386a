import { and, eq, sql } from 'drizzle-orm';
import type { Reader } from '../../../kernel/index.js';
import { qualification } from '../rules/results.js';
import { assessmentRubrics, assessments } from '../tables.js';
import { loadOutcomes } from './outcomes.js';

/**
 * Each unit's reply quality for a month: the closed or published quality checks of that period,
 * their sampled demands counted by the unit that handled them. Shown beside the unit's 三率.
 */
export async function unitQualityForMonth(db: Reader, month: string) {
  const rounds = await db
    .select({ id: assessments.id, aspects: assessmentRubrics.aspects })
    .from(assessments)
    .innerJoin(assessmentRubrics, eq(assessmentRubrics.id, assessments.rubricId))
    .where(and(eq(assessments.kind, 'quality_check'), eq(assessments.period, month), sql`${assessments.state} in ('closed', 'published')`));
  const byUnit = new Map<number, { assessed: number; qualified: number }>();
  for (const r of rounds) {
    const { subjects, scores, findings } = await loadOutcomes(db, r.id);
    // One stratum per unit: score each unit's subjects on their own.
    const q = qualification(
      r.aspects,
      subjects.map((s) => ({ id: s.id, name: s.name, stratum: String(s.unitId ?? ''), mode: s.mode })),
      scores,
      findings,
    );
    for (const st of q.strata) {
      const unitId = Number(st.stratum);
      if (!unitId) continue;
      const acc = byUnit.get(unitId) ?? { assessed: 0, qualified: 0 };
      acc.assessed += st.assessed;
      acc.qualified += st.qualified;
      byUnit.set(unitId, acc);
    }
  }
  return byUnit;
}
