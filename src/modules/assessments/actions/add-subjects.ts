import { and, eq, inArray } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { unitsByIds } from '../../regions/index.js';
import { countBy } from '../rules/count-by.js';
import { guardStep } from '../store.js';
import { assessmentSubjects } from '../tables.js';

export type SubjectInput = {
  kind: 'record' | 'unit' | 'person' | 'pair';
  ref: string;
  name: string;
  stratum?: string | null;
  unitId?: number | null;
  mode?: 'on_site' | 'written' | null;
  members?: string[] | null;
  attributes?: Record<string, string>;
};

/**
 * Adds subjects to a draft round. Records join the population and wait for the draw; units,
 * people and pairs are assessed as they are. All or nothing: a repeated or existing reference,
 * or an unknown unit, refuses the whole batch and says which.
 */
export async function addSubjects(a: ActionContext, input: { assessmentId: number; subjects: SubjectInput[] }) {
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'setup');
  const seen = new Set<string>();
  const repeated = input.subjects.filter((s) => seen.size === seen.add(s.ref).size).map((s) => s.ref);
  if (repeated.length) {
    throw new AppError('request.invalid', {
      zh: `编号重复：${repeated.slice(0, 10).join('、')}`,
      en: `Repeated references: ${repeated.slice(0, 10).join(', ')}`,
      details: { refs: repeated.slice(0, 50) },
    });
  }
  const pairsWithoutTwo = input.subjects.filter((s) => s.kind === 'pair' && (s.members?.length ?? 0) < 2);
  if (pairsWithoutTwo.length) {
    throw new AppError('request.invalid', {
      zh: '搭档组至少需要两名成员。',
      en: 'A pair needs at least two members.',
      details: { refs: pairsWithoutTwo.map((s) => s.ref) },
    });
  }
  const unitIds = [...new Set(input.subjects.map((s) => s.unitId).filter((u): u is number => typeof u === 'number'))];
  if (unitIds.length) {
    const found = new Set((await unitsByIds(a.tx, unitIds)).map((u) => u.id));
    const missing = unitIds.filter((u) => !found.has(u));
    if (missing.length) throw new AppError('validation.reference', { details: { unitIds: missing } });
  }
  const refs = [...seen];
  for (let i = 0; i < refs.length; i += 5_000) {
    const clash = await a.tx
      .select({ ref: assessmentSubjects.ref })
      .from(assessmentSubjects)
      .where(and(eq(assessmentSubjects.assessmentId, assessment.id), inArray(assessmentSubjects.ref, refs.slice(i, i + 5_000))))
      .limit(10);
    if (clash.length) {
      throw new AppError('conflict.duplicate', {
        zh: `这些编号已在本次考评中：${clash.map((c) => c.ref).join('、')}`,
        en: `Already in this assessment: ${clash.map((c) => c.ref).join(', ')}`,
        details: { refs: clash.map((c) => c.ref) },
      });
    }
  }
  const rows = input.subjects.map((s) => ({
    assessmentId: assessment.id,
    kind: s.kind,
    ref: s.ref,
    name: s.name,
    stratum: s.stratum ?? null,
    unitId: s.unitId ?? null,
    mode: s.mode ?? null,
    members: s.members ?? null,
    attributes: s.attributes ?? {},
    inSample: s.kind !== 'record',
  }));
  for (let i = 0; i < rows.length; i += 1_000) await a.tx.insert(assessmentSubjects).values(rows.slice(i, i + 1_000));
  const counts = countBy(rows.map((r) => r.kind));
  await audit(a, {
    resource: 'assessment',
    resourceId: assessment.id,
    action: 'add_subjects',
    regionPath: assessment.regionPath,
    data: counts,
  });
  return { added: rows.length, counts };
}
