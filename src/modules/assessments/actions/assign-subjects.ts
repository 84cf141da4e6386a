import { and, eq, sql } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { balancedAssignment } from '../rules/assignment.js';
import { guardStep } from '../store.js';
import { assessmentPanel, assessmentSubjects } from '../tables.js';

/**
 * 分配: each sampled subject to one assessor, evenly (or keeping each stratum with as few assessors
 * as possible), never to a member of the subject's own unit. A subject nobody may assess is refused by name.
 */
export async function assignSubjects(a: ActionContext, input: { assessmentId: number }) {
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'setup');
  if (assessment.assignment === 'panel') {
    throw new AppError('request.invalid', {
      zh: '本次考评为评审组集体评分，每位评审对所有对象打分，无需分配。',
      en: 'Every panel member scores every subject in this round; there is nothing to assign.',
    });
  }
  const assessors = await a.tx
    .select({ userId: assessmentPanel.userId, unitIds: assessmentPanel.unitIds })
    .from(assessmentPanel)
    .where(and(eq(assessmentPanel.assessmentId, assessment.id), sql`${assessmentPanel.role} in ('assessor', 'chair')`));
  if (assessors.length === 0)
    throw new AppError('request.invalid', { zh: '请先组建评审组（至少一名评审）。', en: 'Add assessors to the panel first.' });
  const subjects = await a.tx
    .select({
      id: assessmentSubjects.id,
      ref: assessmentSubjects.ref,
      stratum: assessmentSubjects.stratum,
      unitId: assessmentSubjects.unitId,
    })
    .from(assessmentSubjects)
    .where(and(eq(assessmentSubjects.assessmentId, assessment.id), eq(assessmentSubjects.inSample, true)))
    .orderBy(assessmentSubjects.sampleOrder, assessmentSubjects.id);
  const result = balancedAssignment(subjects, assessors, assessment.assignment === 'by_stratum');
  if (result.unassignable.length) {
    throw new AppError('assessment.conflict_of_interest', {
      zh: `${result.unassignable.length} 个对象找不到可回避本单位的评审人员，请增加评审：${result.unassignable.slice(0, 5).join('、')}`,
      en: `${result.unassignable.length} subjects have no assessor outside their own unit.`,
      details: { refs: result.unassignable.slice(0, 50) },
    });
  }
  for (const [userId, ids] of result.byAssessor) {
    for (let i = 0; i < ids.length; i += 5_000) {
      await a.tx.execute(sql`
        update assessment_subjects set assessor_user_id = ${userId}
        where id = any(${`{${ids.slice(i, i + 5_000).join(',')}}`}::int[])`);
    }
  }
  const load = Object.fromEntries([...result.byAssessor].map(([u, ids]) => [u, ids.length]));
  await audit(a, {
    resource: 'assessment',
    resourceId: assessment.id,
    action: 'assign',
    regionPath: assessment.regionPath,
    data: { load },
  });
  return { load };
}
