import { eq } from 'drizzle-orm';
import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { itemsOf } from '../rules/rubric.js';
import { guardStep, subjectsOf } from '../store.js';
import { assessmentConsultations } from '../tables.js';

/** 疑难案例: an item referred to the expert panel. Results leave the subject out until the experts decide. */
export async function requestConsultation(
  a: ActionContext,
  input: { assessmentId: number; subjectId: number; itemKey: string; question: string },
) {
  const actor = staffActor(a.actor);
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'consult');
  await subjectsOf(a.tx, assessment.id, [input.subjectId]);
  if (!itemsOf(assessment.rubric.aspects).some((i) => i.key === input.itemKey)) {
    throw new AppError('request.invalid', {
      zh: `评分标准中没有“${input.itemKey}”这一项。`,
      en: `The rubric has no item ${input.itemKey}.`,
    });
  }
  const [row] = await a.tx
    .insert(assessmentConsultations)
    .values({
      assessmentId: assessment.id,
      subjectId: input.subjectId,
      itemKey: input.itemKey,
      question: input.question,
      raisedBy: actor.userId,
      raisedAt: a.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('conflict.duplicate', { zh: '该项已提交专家会诊。', en: 'This item is already referred to the experts.' });
  await audit(a, {
    resource: 'assessment_consultation',
    resourceId: row.id,
    action: 'request',
    regionPath: assessment.regionPath,
    data: { assessmentId: assessment.id, subjectId: input.subjectId, itemKey: input.itemKey },
  });
  return row;
}

export type DecideInput = { consultationId: number; passed?: boolean; score?: number; finding: string; evidence?: string };

/** 专家会诊结论: final for the item, overriding every assessor's entry. */
export async function decideConsultation(a: ActionContext, input: DecideInput) {
  const actor = staffActor(a.actor);
  const [c] = await a.tx.select().from(assessmentConsultations).where(eq(assessmentConsultations.id, input.consultationId));
  if (!c) throw new AppError('not_found', { details: { consultationId: input.consultationId } });
  const assessment = await guardStep(a.tx, a.actor, c.assessmentId, 'decide');
  if (c.status !== 'open')
    throw new AppError('assessment.invalid_state', { zh: '该会诊已有结论。', en: 'This consultation is already decided.' });
  const item = itemsOf(assessment.rubric.aspects).find((i) => i.key === c.itemKey)!;
  if (item.kind === 'pass_fail' && typeof input.passed !== 'boolean') {
    throw new AppError('request.invalid', { zh: '请判定合格或不合格。', en: 'Say whether the item passed.' });
  }
  if (item.kind === 'scale' && (typeof input.score !== 'number' || input.score < 0 || input.score > (item.max ?? 0))) {
    throw new AppError('request.invalid', { zh: `请给出 0 到 ${item.max} 之间的分数。`, en: `Give a score from 0 to ${item.max}.` });
  }
  const [row] = await a.tx
    .update(assessmentConsultations)
    .set({
      status: 'decided',
      passed: item.kind === 'pass_fail' ? input.passed : null,
      score: item.kind === 'scale' ? input.score : null,
      finding: input.finding,
      evidence: input.evidence ?? null,
      decidedBy: actor.userId,
      decidedAt: a.now,
    })
    .where(eq(assessmentConsultations.id, c.id))
    .returning();
  await audit(a, {
    resource: 'assessment_consultation',
    resourceId: c.id,
    action: 'decide',
    regionPath: assessment.regionPath,
    reason: input.finding,
    data: { assessmentId: assessment.id, subjectId: c.subjectId, itemKey: c.itemKey, passed: row.passed, score: row.score },
  });
  return row;
}
