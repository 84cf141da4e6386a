import { and, eq, sql } from 'drizzle-orm';
import { type Reader, systemActor } from '../../../kernel/index.js';
import { loadAssessment } from '../store.js';
import { assessmentSubjects, assessments } from '../tables.js';
import { assessmentResults } from './results.js';

/**
 * The closed rounds that assessed one subject by its reference (an appointee's annual evaluation):
 * its final score, rank and field, kept with whatever the subject belongs to.
 */
export async function resultsForSubjectRef(db: Reader, ref: string, today: string) {
  const rows = await db
    .select({ assessmentId: assessmentSubjects.assessmentId, subjectId: assessmentSubjects.id })
    .from(assessmentSubjects)
    .innerJoin(assessments, eq(assessments.id, assessmentSubjects.assessmentId))
    .where(and(eq(assessmentSubjects.ref, ref), sql`${assessments.state} in ('closed', 'published')`))
    .orderBy(assessmentSubjects.assessmentId);
  const out = [];
  for (const r of rows) {
    const a = await loadAssessment(db, systemActor, r.assessmentId);
    const results = await assessmentResults(db, a, today);
    const row = results.scoring?.rows.find((x) => x.subjectId === r.subjectId);
    out.push({
      assessmentId: a.id,
      title: a.title,
      period: a.period,
      final: row?.final ?? null,
      maxTotal: results.scoring?.maxTotal ?? null,
      rank: row?.rank ?? null,
      of: results.scoring?.scored ?? 0,
    });
  }
  return out;
}
