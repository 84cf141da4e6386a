import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { type Reader, systemActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { redact } from '../../../lib/redact.js';
import { regionOf } from '../../regions/index.js';
import { loadAssessment } from '../store.js';
import { assessments } from '../tables.js';
import { assessmentResults } from './results.js';

/** Published rounds, newest first. */
export async function publishedAssessments(db: Reader) {
  return db
    .select({
      id: assessments.id,
      kind: assessments.kind,
      title: assessments.title,
      region: regionOf(assessments.regionId).name,
      period: assessments.period,
      publishedAt: assessments.publishedAt,
    })
    .from(assessments)
    .where(and(eq(assessments.state, 'published'), isNotNull(assessments.publishedAt)))
    .orderBy(desc(assessments.publishedAt))
    .limit(100)
    .then((rows) => rows.map((r) => ({ ...r, title: redact(r.title), publishedAt: r.publishedAt!.toISOString() })));
}

/**
 * A published round's results for residents: rates and intervals, ranks of people and units by
 * name; never the sampled records, the panel's individual scores or anything a text might carry
 * (phones and ID numbers are masked).
 */
export async function publicAssessmentResults(db: Reader, id: number, today: string) {
  const [row] = await db.select({ state: assessments.state }).from(assessments).where(eq(assessments.id, id));
  if (row?.state !== 'published') throw new AppError('not_found', { details: { assessmentId: id } });
  const a = await loadAssessment(db, systemActor, id);
  const r = await assessmentResults(db, a, today);
  return {
    id: a.id,
    kind: a.kind,
    title: redact(a.title),
    region: a.regionName,
    period: a.period,
    qualification: r.qualification && {
      sampled: r.qualification.sampled,
      assessed: r.qualification.assessed,
      qualified: r.qualification.qualified,
      rate: r.qualification.rate,
      strata: r.qualification.strata,
      failuresByItem: r.qualification.failuresByItem,
    },
    ranking: r.scoring
      ? r.scoring.rows.filter((x) => x.rank !== null).map((x) => ({ rank: x.rank!, name: redact(x.name), final: x.final, mode: x.mode }))
      : null,
    rectification: r.rectification,
  };
}
