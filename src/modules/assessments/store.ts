import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, handledUnitIds, organisesIn, type Reader } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { regionOf } from '../regions/index.js';
import { type AssessmentStep, stepAllowedIn } from './lifecycle.js';
import { type Part, partMay } from './policy.js';
import { assessmentPanel, assessmentRubrics, assessmentSubjects, assessments } from './tables.js';

/** The assessment with its rubric, region path and the caller's parts in it; 404 to anyone with no part. */
export async function loadAssessment(db: Reader, actor: Actor, id: number) {
  const region = regionOf(assessments.regionId);
  const [row] = await db
    .select({ a: assessments, path: region.path, region: region.name, rubric: assessmentRubrics })
    .from(assessments)
    .innerJoin(assessmentRubrics, eq(assessmentRubrics.id, assessments.rubricId))
    .where(eq(assessments.id, id));
  if (!row) throw new AppError('not_found', { details: { assessmentId: id } });
  const parts = new Set<Part>();
  // The system (scheduled rounds, the public results page) reads as the organiser does.
  if (actor.kind === 'system' || organisesIn(actor, row.path)) parts.add('organiser');
  if (actor.kind === 'user') {
    const [member] = await db
      .select({ role: assessmentPanel.role, unitIds: assessmentPanel.unitIds })
      .from(assessmentPanel)
      .where(and(eq(assessmentPanel.assessmentId, id), eq(assessmentPanel.userId, actor.userId)));
    if (member) parts.add(member.role);
    const units = handledUnitIds(actor);
    if (units.length) {
      const [own] = await db
        .select({ one: sql`1` })
        .from(assessmentSubjects)
        .where(
          and(eq(assessmentSubjects.assessmentId, id), eq(assessmentSubjects.inSample, true), inArray(assessmentSubjects.unitId, units)),
        )
        .limit(1);
      if (own) parts.add('assessed');
    }
  }
  if (parts.size === 0) throw new AppError('not_found', { details: { assessmentId: id } });
  return { ...row.a, regionPath: row.path, regionName: row.region, rubric: row.rubric, parts };
}

export type LoadedAssessment = Awaited<ReturnType<typeof loadAssessment>>;

/** The guard every action runs, in the model's order: not found → forbidden → wrong stage. Locks the row for the change. */
export async function guardStep(db: Reader, actor: Actor, id: number, step: AssessmentStep) {
  const loaded = await loadAssessment(db, actor, id);
  if (!partMay(step, loaded.parts)) throw new AppError('auth.forbidden');
  const [locked] = await db.select({ state: assessments.state }).from(assessments).where(eq(assessments.id, id)).for('update');
  if (!stepAllowedIn(step, locked.state)) {
    throw new AppError('assessment.invalid_state', { details: { state: locked.state, step } });
  }
  return { ...loaded, state: locked.state };
}

/** Whether the caller may take this step on the assessment at all (no lock): a route asks before it reads a large body. */
export async function mayTakeStep(db: Reader, actor: Actor, id: number, step: AssessmentStep): Promise<void> {
  const loaded = await loadAssessment(db, actor, id);
  if (!partMay(step, loaded.parts)) throw new AppError('auth.forbidden');
}

/** Subjects of this assessment among `ids`; any other id is a 422 naming it. */
export async function subjectsOf(db: Reader, assessmentId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db
        .select()
        .from(assessmentSubjects)
        .where(and(eq(assessmentSubjects.assessmentId, assessmentId), inArray(assessmentSubjects.id, unique)))
    : [];
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new AppError('validation.reference', { details: { subjectIds: unique.filter((i) => !found.has(i)).slice(0, 20) } });
  }
  return new Map(rows.map((r) => [r.id, r]));
}
