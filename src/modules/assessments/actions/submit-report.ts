import { type ActionContext, audit, handledUnitIds, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { reportKindsFor } from '../policy.js';
import { guardStep, subjectsOf } from '../store.js';
import { assessmentReports, type reportKinds } from '../tables.js';

export type ReportInput = {
  assessmentId: number;
  subjectId?: number | null;
  kind: (typeof reportKinds)[number];
  aspectKey?: string | null;
  body: string;
  figures?: Record<string, number>;
};

/**
 * A text beside the scores: a unit's 自查 or 述职 report (on its own subject), or a panel's comment,
 * finding or suggestion. Who files which kind is declared in the policy.
 */
export async function submitReport(a: ActionContext, input: ReportInput) {
  const actor = staffActor(a.actor);
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'report');
  const kinds = new Set([...assessment.parts].flatMap((p) => reportKindsFor[p] as readonly string[]));
  if (!kinds.has(input.kind)) throw new AppError('auth.forbidden');
  if (input.aspectKey && !assessment.rubric.aspects.some((x) => x.key === input.aspectKey)) {
    throw new AppError('request.invalid', {
      zh: `评分标准中没有“${input.aspectKey}”这一方面。`,
      en: `The rubric has no aspect ${input.aspectKey}.`,
    });
  }
  if (input.subjectId) {
    const subject = (await subjectsOf(a.tx, assessment.id, [input.subjectId])).get(input.subjectId)!;
    const onlyAssessed = !assessment.parts.has('organiser') && !assessment.parts.has('assessor') && !assessment.parts.has('chair');
    if (onlyAssessed && (subject.unitId === null || !handledUnitIds(actor).includes(subject.unitId))) throw new AppError('auth.forbidden');
  }
  const [row] = await a.tx
    .insert(assessmentReports)
    .values({
      assessmentId: assessment.id,
      subjectId: input.subjectId ?? null,
      kind: input.kind,
      aspectKey: input.aspectKey ?? null,
      body: input.body,
      figures: input.figures ?? null,
      submittedBy: actor.userId,
      submittedAt: a.now,
    })
    .returning();
  await audit(a, {
    resource: 'assessment_report',
    resourceId: row.id,
    action: 'submit',
    regionPath: assessment.regionPath,
    data: { assessmentId: assessment.id, kind: row.kind, subjectId: row.subjectId },
  });
  return row;
}
