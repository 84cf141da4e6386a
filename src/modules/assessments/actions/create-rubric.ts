import { eq, sql } from 'drizzle-orm';
import { type ActionContext, audit, hasRole, isAdmin, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { type Aspect, rubricProblems } from '../rules/rubric.js';
import { assessmentRubrics } from '../tables.js';

/**
 * A rubric version. Saving under an existing name makes the next version; no version is ever
 * edited, so the results of a round always read the rubric its assessors used.
 */
export async function createRubric(a: ActionContext, input: { name: string; aspects: Aspect[] }) {
  const actor = staffActor(a.actor);
  if (!isAdmin(actor) && !hasRole(actor, 'operator') && !hasRole(actor, 'supervisor')) throw new AppError('auth.forbidden');
  const problems = rubricProblems(input.aspects);
  if (problems.length)
    throw new AppError('request.invalid', { zh: problems.join(''), en: 'The rubric is incomplete.', details: { problems } });
  const [{ latest }] = await a.tx
    .select({ latest: sql<number>`coalesce(max(${assessmentRubrics.version}), 0)::int` })
    .from(assessmentRubrics)
    .where(eq(assessmentRubrics.name, input.name));
  const [rubric] = await a.tx
    .insert(assessmentRubrics)
    .values({ name: input.name, version: Number(latest) + 1, aspects: input.aspects, createdBy: actor.userId, createdAt: a.now })
    .returning();
  await audit(a, {
    resource: 'assessment_rubric',
    resourceId: rubric.id,
    action: 'create',
    data: { name: rubric.name, version: rubric.version },
  });
  return rubric;
}
