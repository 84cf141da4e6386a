import { and, eq, isNull, sql } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { transitions } from '../lifecycle.js';
import { guardStep } from '../store.js';
import { assessmentConsultations, assessmentPanel, assessmentSubjects, assessments } from '../tables.js';

type Step = keyof typeof transitions;

const count = async (q: Promise<{ n: number }[]>) => Number((await q)[0].n);

/** What must hold before a round moves on, in words the organiser can act on. */
async function precondition(a: ActionContext, step: Step, id: number, assignment: string) {
  if (step === 'open') {
    const sampled = await count(
      a.tx
        .select({ n: sql<number>`count(*)` })
        .from(assessmentSubjects)
        .where(and(eq(assessmentSubjects.assessmentId, id), eq(assessmentSubjects.inSample, true))),
    );
    if (sampled === 0)
      return { zh: '还没有考评对象：请先添加对象或抽取样本。', en: 'There is nothing to assess yet: add subjects or draw a sample.' };
    const scorers = await count(
      a.tx
        .select({ n: sql<number>`count(*)` })
        .from(assessmentPanel)
        .where(and(eq(assessmentPanel.assessmentId, id), sql`${assessmentPanel.role} in ('assessor', 'chair')`)),
    );
    if (scorers === 0) return { zh: '评审组还没有评审人员。', en: 'The panel has no assessor.' };
    if (assignment !== 'panel') {
      const unassigned = await count(
        a.tx
          .select({ n: sql<number>`count(*)` })
          .from(assessmentSubjects)
          .where(
            and(eq(assessmentSubjects.assessmentId, id), eq(assessmentSubjects.inSample, true), isNull(assessmentSubjects.assessorUserId)),
          ),
      );
      if (unassigned > 0) return { zh: `还有 ${unassigned} 个对象未分配评审人员。`, en: `${unassigned} subjects have no assessor yet.` };
    }
  }
  if (step === 'close') {
    const open = await count(
      a.tx
        .select({ n: sql<number>`count(*)` })
        .from(assessmentConsultations)
        .where(and(eq(assessmentConsultations.assessmentId, id), eq(assessmentConsultations.status, 'open'))),
    );
    if (open > 0) return { zh: `还有 ${open} 项专家会诊未出结论，不能结束评分。`, en: `${open} expert consultations are still open.` };
  }
  return null;
}

function stateChange(step: Step) {
  return async (a: ActionContext, input: { assessmentId: number }) => {
    const assessment = await guardStep(a.tx, a.actor, input.assessmentId, step);
    const blocked = await precondition(a, step, assessment.id, assessment.assignment);
    if (blocked) throw new AppError('assessment.invalid_state', { ...blocked, details: { step } });
    const to = transitions[step];
    await a.tx
      .update(assessments)
      .set({ state: to, ...(step === 'close' ? { closedAt: a.now } : {}), ...(step === 'publish' ? { publishedAt: a.now } : {}) })
      .where(eq(assessments.id, assessment.id));
    await audit(a, {
      resource: 'assessment',
      resourceId: assessment.id,
      action: step,
      regionPath: assessment.regionPath,
      data: { from: assessment.state, to },
    });
    return { state: to };
  };
}

/** 开始评分: the round opens for scoring once it has subjects and a panel (and every subject an assessor when assigned). */
export const openAssessment = stateChange('open');
/** 结束评分: the chair or organiser locks the scores; refused while an expert consultation is open. */
export const closeAssessment = stateChange('close');
/** 公布结果: published results appear on the portal. */
export const publishAssessment = stateChange('publish');
