import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { startOfLocalDay } from '../../calendar/index.js';
import { closedDemandsOfPeriod } from '../../demands/index.js';
import { guardStep } from '../store.js';
import { addSubjects } from './add-subjects.js';

/**
 * 质检 / 回访抽查: the population is Tingjian's own closed demands of the period in the round's
 * region, each answerable by the unit that handled it (the stratum), ready for a monthly draw.
 */
export async function importDemandPopulation(a: ActionContext, input: { assessmentId: number; from: string; to: string }) {
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'setup');
  if (input.to < input.from)
    throw new AppError('request.invalid', { zh: '结束日期不能早于开始日期。', en: 'The period cannot end before it starts.' });
  const end = new Date(startOfLocalDay(input.to).getTime() + 86_400_000);
  const rows = await closedDemandsOfPeriod(a.tx, assessment.regionPath, startOfLocalDay(input.from), end);
  if (rows.length === 0) {
    throw new AppError('request.invalid', { zh: '该时段内没有已办结的诉求。', en: 'No demand was closed in that period.' });
  }
  const { added } = await addSubjects(a, {
    assessmentId: assessment.id,
    subjects: rows.map((d) => ({
      kind: 'record' as const,
      ref: d.number,
      name: d.title,
      stratum: d.unit,
      unitId: d.unitId,
      attributes: { demandId: String(d.id), closedOn: d.closedAt!.toISOString().slice(0, 10) },
    })),
  });
  return { imported: added };
}
