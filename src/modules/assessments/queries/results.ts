import { eq, sql } from 'drizzle-orm';
import type { Reader } from '../../../kernel/index.js';
import { countBy } from '../rules/count-by.js';
import { qualification, scoring } from '../rules/results.js';
import { itemsOf } from '../rules/rubric.js';
import type { LoadedAssessment } from '../store.js';
import { assessmentReports, rectificationTasks } from '../tables.js';
import { loadOutcomes } from './outcomes.js';

/**
 * The results a person reads: the qualification rate with its Wilson interval (overall and per
 * stratum) and the failures by item for pass/fail rubrics; panel means, spread, trimmed means and
 * ranks for scored ones; findings and suggestions; the state of rectification. While a blind round
 * is open, a panel member who is not the organiser sees no one's totals.
 */
export async function assessmentResults(db: Reader, assessment: LoadedAssessment, today: string) {
  const aspects = assessment.rubric.aspects;
  const { subjects, scores, findings } = await loadOutcomes(db, assessment.id);
  const items = itemsOf(aspects);
  const hidden = assessment.blind && assessment.state === 'open' && !assessment.parts.has('organiser');
  const rows = subjects.map((s) => ({
    id: s.id,
    name: s.members?.length ? `${s.name}（${s.members.join('、')}）` : s.name,
    stratum: s.stratum,
    mode: s.mode,
  }));
  const [notes, tasks] = await Promise.all([
    db
      .select({
        kind: assessmentReports.kind,
        aspectKey: assessmentReports.aspectKey,
        subjectId: assessmentReports.subjectId,
        body: assessmentReports.body,
      })
      .from(assessmentReports)
      .where(eq(assessmentReports.assessmentId, assessment.id))
      .orderBy(assessmentReports.id),
    db
      .select({
        state: rectificationTasks.state,
        n: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${rectificationTasks.state} <> 'closed' and ${rectificationTasks.dueOn} < ${today})::int`,
      })
      .from(rectificationTasks)
      .where(eq(rectificationTasks.assessmentId, assessment.id))
      .groupBy(rectificationTasks.state),
  ]);
  const rectification = { open: 0, submitted: 0, closed: 0, overdue: 0 };
  for (const t of tasks) {
    rectification[t.state] = Number(t.n);
    rectification.overdue += Number(t.overdue);
  }
  return {
    assessmentId: assessment.id,
    state: assessment.state,
    hidden,
    qualification: items.some((i) => i.kind === 'pass_fail') && !hidden ? qualification(aspects, rows, scores, findings) : null,
    scoring:
      items.some((i) => i.kind === 'scale') && !hidden
        ? scoring(aspects, rows, scores, findings, { trim: assessment.trim, tieBreak: assessment.tieBreak })
        : null,
    modes: countBy(subjects.map((s) => s.mode ?? 'none')),
    reports: countBy(notes.map((n) => n.kind)),
    findings: notes
      .filter((n) => n.kind === 'finding' || n.kind === 'suggestion')
      .map((n) => ({ kind: n.kind, aspectKey: n.aspectKey, subjectId: n.subjectId, body: n.body })),
    consultations: {
      open: findings.filter((f) => f.status === 'open').length,
      decided: findings.filter((f) => f.status === 'decided').length,
    },
    rectification,
  };
}
