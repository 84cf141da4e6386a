import { and, eq } from 'drizzle-orm';
import type { Reader } from '../../../kernel/index.js';
import { type Aspect, itemsOf } from '../rules/rubric.js';
import { assessmentConsultations, assessmentScores, assessmentSubjects } from '../tables.js';

/** Everything the results are computed from, for one assessment. */
export async function loadOutcomes(db: Reader, assessmentId: number) {
  const [subjects, scores, findings] = await Promise.all([
    db
      .select({
        id: assessmentSubjects.id,
        ref: assessmentSubjects.ref,
        name: assessmentSubjects.name,
        stratum: assessmentSubjects.stratum,
        mode: assessmentSubjects.mode,
        unitId: assessmentSubjects.unitId,
        members: assessmentSubjects.members,
      })
      .from(assessmentSubjects)
      .where(and(eq(assessmentSubjects.assessmentId, assessmentId), eq(assessmentSubjects.inSample, true)))
      .orderBy(assessmentSubjects.sampleOrder, assessmentSubjects.id),
    db
      .select({
        subjectId: assessmentScores.subjectId,
        userId: assessmentScores.userId,
        itemKey: assessmentScores.itemKey,
        passed: assessmentScores.passed,
        score: assessmentScores.score,
        reason: assessmentScores.reason,
      })
      .from(assessmentScores)
      .where(eq(assessmentScores.assessmentId, assessmentId)),
    db
      .select({
        subjectId: assessmentConsultations.subjectId,
        itemKey: assessmentConsultations.itemKey,
        status: assessmentConsultations.status,
        passed: assessmentConsultations.passed,
        score: assessmentConsultations.score,
        finding: assessmentConsultations.finding,
      })
      .from(assessmentConsultations)
      .where(eq(assessmentConsultations.assessmentId, assessmentId)),
  ]);
  return { subjects, scores, findings };
}

/** Failed pass/fail items with the reason a person wrote: the expert's finding when they decided, else the assessors' reasons. */
export async function failedItems(db: Reader, assessmentId: number, aspects: Aspect[]) {
  const { scores, findings } = await loadOutcomes(db, assessmentId);
  const passFail = new Set(
    itemsOf(aspects)
      .filter((i) => i.kind === 'pass_fail')
      .map((i) => i.key),
  );
  const decided = new Map(findings.filter((f) => f.status === 'decided').map((f) => [`${f.subjectId}:${f.itemKey}`, f]));
  const out = new Map<string, { subjectId: number; itemKey: string; reason: string | null }>();
  for (const s of scores) {
    const k = `${s.subjectId}:${s.itemKey}`;
    if (!passFail.has(s.itemKey) || decided.has(k) || s.passed !== false) continue;
    const prior = out.get(k);
    out.set(k, { subjectId: s.subjectId, itemKey: s.itemKey, reason: [prior?.reason, s.reason].filter(Boolean).join('；') || null });
  }
  for (const [k, f] of decided) {
    if (f.passed === false) out.set(k, { subjectId: f.subjectId, itemKey: f.itemKey, reason: `专家会诊：${f.finding}` });
  }
  return [...out.values()].sort((x, y) => x.subjectId - y.subjectId || (x.itemKey < y.itemKey ? -1 : 1));
}
