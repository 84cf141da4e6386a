import { eq } from 'drizzle-orm';
import { type ActionContext, actingAs, audit, handlesUnit, isAdmin, staffActor, systemActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { acknowledgeDemand, demands, dispatchDemand, replyDemand } from '../../demands/index.js';
import { initiativeDemands, initiatives } from '../tables.js';

export type AnswerInitiativeOptions = { initiativeId: number; answer: string };

/**
 * One collective answer for all the initiative's demands, in one transaction: every open demand
 * is brought to the owning unit (dispatched and acknowledged where it was not yet) and replied to
 * through the ordinary actions, so each keeps its own events and callback — or, if any step
 * fails, none of them changes.
 */
export async function answerInitiative(a: ActionContext, opts: AnswerInitiativeOptions) {
  const actor = staffActor(a.actor);
  const [initiative] = await a.tx.select().from(initiatives).where(eq(initiatives.id, opts.initiativeId)).for('update');
  if (!initiative) throw new AppError('not_found');
  const supervisor = actor.grants.some((g) => g.role === 'supervisor');
  if (!isAdmin(actor) && !supervisor && !handlesUnit(actor, initiative.unitId)) throw new AppError('not_found');
  const linked = await a.tx
    .select({ id: demands.id, state: demands.state, unitId: demands.unitId })
    .from(initiativeDemands)
    .innerJoin(demands, eq(demands.id, initiativeDemands.demandId))
    .where(eq(initiativeDemands.initiativeId, initiative.id));
  const results: { demandId: number; outcome: 'replied' | 'skipped'; state: string }[] = [];
  // The initiative speaks for its unit: the steps are taken in the system's name, and the events say why.
  const system = actingAs(a, systemActor);
  const note = `治理专项 #${initiative.id}：${initiative.title}`;
  for (const d of linked) {
    let state = d.state;
    // A demand already with another unit is left to it (and reported), not answered for it.
    if ((state === 'dispatched' || state === 'acknowledged') && d.unitId !== initiative.unitId) {
      results.push({ demandId: d.id, outcome: 'skipped', state });
      continue;
    }
    if (state === 'registered' || state === 'returned') {
      state = (await dispatchDemand(system, { demandId: d.id, unitId: initiative.unitId, note })).state;
    }
    if (state === 'dispatched') state = (await acknowledgeDemand(system, { demandId: d.id })).state;
    if (state === 'acknowledged') {
      await replyDemand(system, { demandId: d.id, reply: opts.answer });
      results.push({ demandId: d.id, outcome: 'replied', state: 'replied' });
    } else results.push({ demandId: d.id, outcome: 'skipped', state });
  }
  await a.tx
    .update(initiatives)
    .set({ status: 'answered', answer: opts.answer, answeredAt: a.now })
    .where(eq(initiatives.id, initiative.id));
  await audit(a, {
    resource: 'initiative',
    resourceId: initiative.id,
    action: 'answer',
    data: {
      replied: results.filter((r) => r.outcome === 'replied').map((r) => r.demandId),
      skipped: results.filter((r) => r.outcome === 'skipped').map((r) => r.demandId),
    },
  });
  return { initiativeId: initiative.id, results };
}
