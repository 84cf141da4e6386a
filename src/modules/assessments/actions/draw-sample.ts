import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { countBy } from '../rules/count-by.js';
import { allocate, type Confidence, drawSample, sampleSize } from '../rules/sampling.js';
import { guardStep } from '../store.js';
import { assessmentSubjects, assessments, type SamplePlan } from '../tables.js';

export type DrawSampleInput = {
  assessmentId: number;
  /** A fixed size, or the size that estimates the rate within `margin` at `confidence`. */
  size: number | { confidence: Confidence; margin: number; expectedRate: number };
  allocation?: 'proportional' | 'equal';
  /** Only records whose attributes equal these values form the population. */
  filter?: Record<string, string>;
  /** Recorded with the plan; the same seed over the same population draws the same records. */
  seed?: string;
};

/** 随机抽取: a stratified random sample of the population's records, reproducible from the recorded seed. Redrawing replaces the sample. */
export async function drawAssessmentSample(a: ActionContext, input: DrawSampleInput) {
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'setup');
  const filter = input.filter ?? {};
  const population = await a.tx
    .select({ id: assessmentSubjects.id, ref: assessmentSubjects.ref, stratum: sql<string>`coalesce(${assessmentSubjects.stratum}, '—')` })
    .from(assessmentSubjects)
    .where(
      and(
        eq(assessmentSubjects.assessmentId, assessment.id),
        eq(assessmentSubjects.kind, 'record'),
        Object.keys(filter).length ? sql`${assessmentSubjects.attributes} @> ${JSON.stringify(filter)}::jsonb` : undefined,
      ),
    );
  if (population.length === 0) {
    throw new AppError('request.invalid', {
      zh: '没有符合条件的记录可供抽取，请先导入总体或放宽筛选条件。',
      en: 'No records to draw from.',
    });
  }
  const plan = typeof input.size === 'number' ? null : sampleSize({ population: population.length, ...input.size });
  const size = plan ? plan.n : (input.size as number);
  if (size > population.length) {
    throw new AppError('request.invalid', {
      zh: `样本量 ${size} 超过了总体的 ${population.length} 份。`,
      en: `A sample of ${size} exceeds the population of ${population.length}.`,
      details: { size, population: population.length },
    });
  }
  const strataSizes = countBy(population.map((u) => u.stratum));
  const allocation = input.allocation ?? 'proportional';
  const counts = allocate(strataSizes, size, allocation);
  const seed = input.seed ?? randomBytes(8).toString('hex');
  const drawn = drawSample(population, counts, seed);

  await a.tx
    .update(assessmentSubjects)
    .set({ inSample: false, sampleOrder: null })
    .where(and(eq(assessmentSubjects.assessmentId, assessment.id), eq(assessmentSubjects.kind, 'record')));
  for (let i = 0; i < drawn.length; i += 5_000) {
    const chunk = drawn.slice(i, i + 5_000);
    // Ids travel as one array literal parameter; the position in the draw becomes the sample order.
    await a.tx.execute(sql`
      update assessment_subjects s set in_sample = true, sample_order = d.ord + ${i}
      from unnest(${`{${chunk.join(',')}}`}::int[]) with ordinality as d(id, ord)
      where s.id = d.id`);
  }
  const samplePlan: SamplePlan = {
    filter,
    population: population.length,
    size: drawn.length,
    sizeFrom: plan ? 'formula' : 'fixed',
    formula: plan?.formula ?? null,
    allocation,
    strata: Object.fromEntries(
      Object.keys(strataSizes)
        .sort()
        .map((k) => [k, { population: strataSizes[k], drawn: counts[k] }]),
    ),
  };
  await a.tx.update(assessments).set({ sampleSeed: seed, samplePlan }).where(eq(assessments.id, assessment.id));
  await audit(a, {
    resource: 'assessment',
    resourceId: assessment.id,
    action: 'draw_sample',
    regionPath: assessment.regionPath,
    data: { seed, size: drawn.length, population: population.length, allocation },
  });
  return { seed, plan: samplePlan };
}
