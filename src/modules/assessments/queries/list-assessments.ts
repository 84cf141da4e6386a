import { and, desc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import { type Actor, handledUnitIds, organiserRoles, type Reader, withinRegions } from '../../../kernel/index.js';
import { regionOf } from '../../regions/index.js';

import { assessmentPanel, assessmentSubjects, assessments } from '../tables.js';

/** The rounds a caller has a part in: organised in their regions, sat on as a panel member, or assessing their unit. */
export async function listAssessments(db: Reader, actor: Actor) {
  if (actor.kind !== 'user') return [];
  const units = handledUnitIds(actor);
  const region = regionOf(assessments.regionId);
  const visible = or(
    withinRegions(actor, organiserRoles, region.path) ?? sql`true`,
    exists(
      db
        .select({ one: sql`1` })
        .from(assessmentPanel)
        .where(and(eq(assessmentPanel.assessmentId, assessments.id), eq(assessmentPanel.userId, actor.userId))),
    ),
    units.length
      ? exists(
          db
            .select({ one: sql`1` })
            .from(assessmentSubjects)
            .where(
              and(
                eq(assessmentSubjects.assessmentId, assessments.id),
                eq(assessmentSubjects.inSample, true),
                inArray(assessmentSubjects.unitId, units),
              ),
            ),
        )
      : sql`false`,
  );
  const rows = await db
    .select({
      id: assessments.id,
      kind: assessments.kind,
      title: assessments.title,
      state: assessments.state,
      region: region.name,
      startsOn: assessments.startsOn,
      endsOn: assessments.endsOn,
      series: assessments.series,
      period: assessments.period,
      subjects: sql<number>`(select count(*) from assessment_subjects s where s.assessment_id = "assessments"."id" and s.in_sample)::int`,
    })
    .from(assessments)
    .where(visible)
    .orderBy(desc(assessments.id))
    .limit(200);
  return rows.map((r) => ({ ...r, subjects: Number(r.subjects) }));
}
