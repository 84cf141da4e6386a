import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { type Actor, handledUnitIds, organiserRoles, type Reader, withinRegions } from '../../../kernel/index.js';
import { regionOf, unitNameOf } from '../../regions/index.js';

import { assessmentSubjects, assessments, rectificationTasks } from '../tables.js';

/** 整改台账: the tasks of rounds the caller organises and those owed by the units they handle for, overdue first. */
export async function listRectifications(
  db: Reader,
  actor: Actor,
  filter: { assessmentId?: number; state?: 'open' | 'submitted' | 'closed' },
  today: string,
) {
  if (actor.kind !== 'user') return [];
  const own = handledUnitIds(actor);
  const rows = await db
    .select({
      id: rectificationTasks.id,
      assessmentId: rectificationTasks.assessmentId,
      assessment: assessments.title,
      subjectId: rectificationTasks.subjectId,
      subject: assessmentSubjects.name,
      ref: assessmentSubjects.ref,
      itemKey: rectificationTasks.itemKey,
      ownerUnitId: rectificationTasks.ownerUnitId,
      ownerUnit: unitNameOf(rectificationTasks.ownerUnitId),
      description: rectificationTasks.description,
      dueOn: rectificationTasks.dueOn,
      state: rectificationTasks.state,
      evidence: rectificationTasks.evidence,
      recheckNote: rectificationTasks.recheckNote,
    })
    .from(rectificationTasks)
    .innerJoin(assessments, eq(assessments.id, rectificationTasks.assessmentId))
    .innerJoin(assessmentSubjects, eq(assessmentSubjects.id, rectificationTasks.subjectId))
    .where(
      and(
        or(
          withinRegions(actor, organiserRoles, regionOf(assessments.regionId).path) ?? sql`true`,
          own.length ? inArray(rectificationTasks.ownerUnitId, own) : sql`false`,
        ),
        filter.assessmentId ? eq(rectificationTasks.assessmentId, filter.assessmentId) : undefined,
        filter.state ? eq(rectificationTasks.state, filter.state) : undefined,
      ),
    )
    .orderBy(rectificationTasks.dueOn, desc(rectificationTasks.id))
    .limit(1_000);
  return rows.map((r) => ({ ...r, overdue: r.state !== 'closed' && r.dueOn < today, mine: own.includes(r.ownerUnitId) }));
}
