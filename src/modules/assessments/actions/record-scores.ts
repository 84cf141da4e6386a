import { and, eq, sql } from 'drizzle-orm';
import { type ActionContext, auditMany, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { itemsOf, scoreProblem } from '../rules/rubric.js';
import { guardStep, subjectsOf } from '../store.js';
import { assessmentPanel, assessmentScores } from '../tables.js';

export type ScoreEntry = {
  subjectId: number;
  items: { itemKey: string; passed?: boolean | null; score?: number | null; reason?: string | null }[];
};

/**
 * An assessor's scores for one or more subjects (a phone sends one subject, a desk a batch).
 * Sending again replaces the same assessor's entries, so a resend after a lost answer is harmless.
 * Every entry is checked against the rubric before anything is written; each subject scored is
 * one audit event.
 */
export async function recordScores(a: ActionContext, input: { assessmentId: number; entries: ScoreEntry[] }) {
  const actor = staffActor(a.actor);
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'score');
  const items = new Map(itemsOf(assessment.rubric.aspects).map((i) => [i.key, i]));
  const subjects = await subjectsOf(
    a.tx,
    assessment.id,
    input.entries.map((e) => e.subjectId),
  );
  const [member] = await a.tx
    .select({ unitIds: assessmentPanel.unitIds })
    .from(assessmentPanel)
    .where(and(eq(assessmentPanel.assessmentId, assessment.id), eq(assessmentPanel.userId, actor.userId)));
  const problems: { subjectId: number; itemKey?: string; message: string }[] = [];
  for (const e of input.entries) {
    const subject = subjects.get(e.subjectId)!;
    if (!subject.inSample) problems.push({ subjectId: e.subjectId, message: '该记录未被抽中，不在本次考评范围内。' });
    if (subject.unitId !== null && member.unitIds.includes(subject.unitId)) {
      throw new AppError('assessment.conflict_of_interest', { details: { subjectId: e.subjectId } });
    }
    if (assessment.assignment !== 'panel' && subject.assessorUserId !== actor.userId) {
      throw new AppError('auth.forbidden', {
        zh: '该对象已分配给其他评审人员。',
        en: 'This subject is assigned to another assessor.',
        details: { subjectId: e.subjectId },
      });
    }
    for (const entry of e.items) {
      const item = items.get(entry.itemKey);
      const problem = item ? scoreProblem(item, entry) : `评分标准中没有“${entry.itemKey}”这一项。`;
      if (problem) problems.push({ subjectId: e.subjectId, itemKey: entry.itemKey, message: problem });
    }
  }
  if (problems.length) {
    throw new AppError('request.invalid', {
      zh: `${problems.length} 处需要修改，未保存任何评分：${problems[0].message}`,
      en: 'Some scores need correcting; nothing was saved.',
      details: { problems: problems.slice(0, 100) },
    });
  }
  const rows = input.entries.flatMap((e) =>
    e.items.map((i) => ({
      assessmentId: assessment.id,
      subjectId: e.subjectId,
      userId: actor.userId,
      itemKey: i.itemKey,
      passed: items.get(i.itemKey)!.kind === 'pass_fail' ? (i.passed ?? null) : null,
      score: items.get(i.itemKey)!.kind === 'scale' ? (i.score ?? null) : null,
      reason: i.reason?.trim() || null,
      recordedAt: a.now,
    })),
  );
  for (let i = 0; i < rows.length; i += 1_000) {
    await a.tx
      .insert(assessmentScores)
      .values(rows.slice(i, i + 1_000))
      .onConflictDoUpdate({
        target: [assessmentScores.subjectId, assessmentScores.userId, assessmentScores.itemKey],
        set: {
          passed: sql`excluded.passed`,
          score: sql`excluded.score`,
          reason: sql`excluded.reason`,
          recordedAt: sql`excluded.recorded_at`,
        },
      });
  }
  await auditMany(
    a,
    input.entries.map((e) => ({
      resource: 'assessment_subject',
      resourceId: e.subjectId,
      action: 'score',
      regionPath: assessment.regionPath,
      data: { assessmentId: assessment.id, items: e.items },
    })),
  );
  return { recorded: rows.length, subjects: input.entries.length };
}
