import { asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type Actor, scopeCondition, scopeOf } from '../../../kernel/index.js';
import { demandInRegions } from '../../demands/index.js';
import { regionIdsWhere } from '../../regions/index.js';
import { planAnswer } from '../recipients.js';
import { membersOf } from '../store.js';
import { initiativeAnswers, initiativeDemands, initiatives } from '../tables.js';

/**
 * The initiatives an actor may see: admins and district-wide supervisors all; a scoped supervisor
 * those with a demand in their region; a handler those of their unit.
 */
export function visibleInitiatives(actor: Actor): SQL | undefined {
  const scope = scopeOf(actor, ['admin', 'supervisor', 'handler']);
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  const under = regionIdsWhere((path) => scopeCondition({ ...scope, unitIds: [] }, { regionPath: path }));
  if (scope.regionPaths.length && under) {
    parts.push(sql`exists (select 1 from ${initiativeDemands}
      where ${initiativeDemands.initiativeId} = ${initiatives.id} and ${demandInRegions(initiativeDemands.demandId, under)})`);
  }
  if (scope.unitIds.length) parts.push(inArray(initiatives.unitId, [...scope.unitIds]));
  return parts.length ? or(...parts) : sql`false`;
}

export async function presentInitiative(db: Db, id: number) {
  const [i] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  const members = await membersOf(db, id);
  // What the collective-answer dialog lists: exactly who the next answer would reach, and who not and why.
  const plan = new Map(planAnswer(i.unitId, members).map((p) => [p.demandId, p]));
  const answers = await db
    .select()
    .from(initiativeAnswers)
    .where(eq(initiativeAnswers.initiativeId, id))
    .orderBy(asc(initiativeAnswers.version));
  return {
    id: i.id,
    title: i.title,
    topicLabel: i.topicLabel,
    unitId: i.unitId,
    status: i.status,
    answer: i.answer,
    answeredAt: i.answeredAt?.toISOString() ?? null,
    demandIds: members.filter((m) => !m.removed).map((m) => m.demandId),
    members: members.map((m) => ({
      demandId: m.demandId,
      number: m.number,
      title: m.title,
      state: m.state,
      removed: m.removed,
      removeReason: m.removeReason,
      nextAnswer: plan.get(m.demandId)!.outcome,
      why: plan.get(m.demandId)!.why,
    })),
    answers: answers.map((x) => ({
      version: x.version,
      answer: x.answer,
      answeredAt: x.answeredAt.toISOString(),
      recipients: x.recipients as { demandId: number; outcome: 'replied' | 'skipped'; state: string; why: string | null }[],
    })),
  };
}

export async function listInitiatives(db: Db, actor: Actor) {
  const rows = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(visibleInitiatives(actor))
    .orderBy(desc(initiatives.id))
    .limit(200);
  return Promise.all(rows.map((r) => presentInitiative(db, r.id)));
}
