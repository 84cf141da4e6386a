import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, actorUserId, handledUnitIds, type Reader } from '../../../kernel/index.js';
import { userNameOf } from '../../accounts/index.js';
import { type AssessmentStep, assessmentSteps, stepAllowedIn } from '../lifecycle.js';
import { partMay } from '../policy.js';
import { itemsOf } from '../rules/rubric.js';
import type { LoadedAssessment } from '../store.js';
import { assessmentConsultations, assessmentPanel, assessmentScores, assessmentSubjects } from '../tables.js';

/** One round as its page shows it, with the steps the server lets this caller take now (the web never re-derives them). */
export async function assessmentView(db: Reader, actor: Actor, a: LoadedAssessment) {
  const [counts] = await db
    .select({
      population: sql<number>`count(*) filter (where ${assessmentSubjects.kind} = 'record')::int`,
      sampled: sql<number>`count(*) filter (where ${assessmentSubjects.inSample})::int`,
      assigned: sql<number>`count(*) filter (where ${assessmentSubjects.inSample} and ${assessmentSubjects.assessorUserId} is not null)::int`,
      mine: sql<number>`count(*) filter (where ${assessmentSubjects.inSample} and ${assessmentSubjects.assessorUserId} = ${actorUserId(actor) ?? -1})::int`,
    })
    .from(assessmentSubjects)
    .where(eq(assessmentSubjects.assessmentId, a.id));
  const panel = await db
    .select({ userId: assessmentPanel.userId, name: userNameOf(assessmentPanel.userId), role: assessmentPanel.role })
    .from(assessmentPanel)
    .where(eq(assessmentPanel.assessmentId, a.id))
    .orderBy(assessmentPanel.id);
  const consultations =
    a.parts.has('expert') || a.parts.has('organiser') || a.parts.has('chair') || a.parts.has('assessor')
      ? await db
          .select({
            id: assessmentConsultations.id,
            subjectId: assessmentConsultations.subjectId,
            subject: assessmentSubjects.name,
            ref: assessmentSubjects.ref,
            itemKey: assessmentConsultations.itemKey,
            question: assessmentConsultations.question,
            status: assessmentConsultations.status,
            passed: assessmentConsultations.passed,
            score: assessmentConsultations.score,
            finding: assessmentConsultations.finding,
          })
          .from(assessmentConsultations)
          .innerJoin(assessmentSubjects, eq(assessmentSubjects.id, assessmentConsultations.subjectId))
          .where(eq(assessmentConsultations.assessmentId, a.id))
          .orderBy(assessmentConsultations.id)
      : [];
  const steps = (Object.keys(assessmentSteps) as AssessmentStep[]).filter((s) => partMay(s, a.parts) && stepAllowedIn(s, a.state));
  const organiser = a.parts.has('organiser');
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    state: a.state,
    regionId: a.regionId,
    region: a.regionName,
    rubric: { id: a.rubric.id, name: a.rubric.name, version: a.rubric.version, aspects: a.rubric.aspects },
    blind: a.blind,
    trim: a.trim,
    tieBreak: a.tieBreak,
    assignment: a.assignment,
    series: a.series,
    period: a.period,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    sampleSeed: organiser ? a.sampleSeed : null,
    samplePlan: a.samplePlan,
    counts: {
      population: Number(counts.population),
      sampled: Number(counts.sampled),
      assigned: Number(counts.assigned),
      mine: Number(counts.mine),
    },
    panel,
    consultations,
    myParts: [...a.parts],
    allowedSteps: steps,
  };
}

/**
 * The subjects a caller works on, keyset-paged by id: an assessor's own (when assigned) or all;
 * an assessed unit only its own. Each with the caller's own entries, so a phone can resume.
 */
export async function assessmentSubjectsPage(
  db: Reader,
  actor: Actor,
  a: LoadedAssessment,
  page: { after?: number; limit: number; mine?: boolean },
) {
  const userId = actorUserId(actor) ?? -1;
  const onlyAssessed = !a.parts.has('organiser') && !a.parts.has('chair') && !a.parts.has('assessor') && !a.parts.has('expert');
  const units = handledUnitIds(actor);
  const rows = await db
    .select()
    .from(assessmentSubjects)
    .where(
      and(
        eq(assessmentSubjects.assessmentId, a.id),
        eq(assessmentSubjects.inSample, true),
        page.after ? sql`${assessmentSubjects.id} > ${page.after}` : undefined,
        page.mine ? eq(assessmentSubjects.assessorUserId, userId) : undefined,
        onlyAssessed ? (units.length ? inArray(assessmentSubjects.unitId, units) : sql`false`) : undefined,
      ),
    )
    .orderBy(assessmentSubjects.id)
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const mine = items.length
    ? await db
        .select({
          subjectId: assessmentScores.subjectId,
          itemKey: assessmentScores.itemKey,
          passed: assessmentScores.passed,
          score: assessmentScores.score,
          reason: assessmentScores.reason,
        })
        .from(assessmentScores)
        .where(
          and(
            eq(assessmentScores.userId, userId),
            inArray(
              assessmentScores.subjectId,
              items.map((i) => i.id),
            ),
          ),
        )
    : [];
  const order = new Map(itemsOf(a.rubric.aspects).map((i, n) => [i.key, n]));
  return {
    items: items.map((s) => ({
      id: s.id,
      kind: s.kind,
      ref: s.ref,
      name: s.name,
      stratum: s.stratum,
      mode: s.mode,
      members: s.members,
      unitId: s.unitId,
      assessorUserId: s.assessorUserId,
      attributes: onlyAssessed ? {} : s.attributes,
      myScores: mine
        .filter((m) => m.subjectId === s.id)
        .sort((x, y) => (order.get(x.itemKey) ?? 0) - (order.get(y.itemKey) ?? 0))
        .map(({ subjectId: _, ...m }) => m),
    })),
    next: more ? items[items.length - 1].id : null,
  };
}
