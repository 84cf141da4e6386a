import { eq } from 'drizzle-orm';
import { type ActionContext, audit, organisesIn, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getRegion } from '../../regions/index.js';
import { itemsOf } from '../rules/rubric.js';
import { type AssessmentKind, assessmentRubrics, assessments } from '../tables.js';

export type CreateAssessmentInput = {
  kind: AssessmentKind;
  title: string;
  regionId: number;
  rubricId: number;
  startsOn: string;
  endsOn: string;
  blind?: boolean;
  trim?: boolean;
  tieBreak?: string[];
  assignment?: 'panel' | 'balanced' | 'by_stratum';
  series?: string | null;
  period?: string | null;
};

/** A round of assessment in a region the caller organises, against one rubric version. */
export async function createAssessment(a: ActionContext, input: CreateAssessmentInput) {
  const actor = staffActor(a.actor);
  const region = await getRegion(a.tx, input.regionId);
  if (!region) throw new AppError('validation.reference', { details: { regionId: input.regionId } });
  if (!organisesIn(actor, region.path)) throw new AppError('auth.forbidden');
  const [rubric] = await a.tx.select().from(assessmentRubrics).where(eq(assessmentRubrics.id, input.rubricId));
  if (!rubric) throw new AppError('validation.reference', { details: { rubricId: input.rubricId } });
  if (input.endsOn < input.startsOn) {
    throw new AppError('request.invalid', { zh: '结束日期不能早于开始日期。', en: 'The round cannot end before it starts.' });
  }
  const scale = new Set(
    itemsOf(rubric.aspects)
      .filter((i) => i.kind === 'scale')
      .map((i) => i.key),
  );
  const unknown = (input.tieBreak ?? []).filter((k) => !scale.has(k));
  if (unknown.length) {
    throw new AppError('request.invalid', {
      zh: `并列时比较的评分项必须是评分标准中的计分项：${unknown.join('、')}`,
      en: `Tie-breaks must be scored items of the rubric: ${unknown.join(', ')}`,
      details: { tieBreak: unknown },
    });
  }
  const [row] = await a.tx
    .insert(assessments)
    .values({
      kind: input.kind,
      title: input.title,
      regionId: region.id,
      rubricId: rubric.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      blind: input.blind ?? false,
      trim: input.trim ?? false,
      tieBreak: input.tieBreak ?? [],
      assignment: input.assignment ?? 'panel',
      series: input.series ?? null,
      period: input.period ?? null,
      createdBy: actor.userId,
      createdAt: a.now,
    })
    .returning();
  await audit(a, {
    resource: 'assessment',
    resourceId: row.id,
    action: 'create',
    regionPath: region.path,
    data: { kind: row.kind, title: row.title, rubric: `${rubric.name} v${rubric.version}` },
  });
  return row;
}
