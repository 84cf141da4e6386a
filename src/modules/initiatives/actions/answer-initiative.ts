import { eq, sql } from 'drizzle-orm';
import { type ActionContext, actingAs, actorUserId, audit, systemActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { acknowledgeDemand, dispatchDemand, replyDemand } from '../../demands/index.js';
import { planAnswer } from '../recipients.js';
import { loadInitiative, membersOf } from '../store.js';
import { initiativeAnswers, initiatives } from '../tables.js';

export type AnswerInitiativeOptions = { initiativeId: number; answer: string; recipients: number[] };

const sameSet = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * One collective answer for the initiative's members still waiting, in one transaction: each is
 * brought to the owning unit (dispatched and acknowledged where it was not yet) and replied to
 * through the ordinary actions, so each keeps its own events and callback — or, if any step
 * fails, none of them changes. The caller names the recipients it was shown; if the server would
 * reach anyone else (or fewer), nothing is sent. Each answer is kept as a version with who
 * received it.
 */
export async function answerInitiative(a: ActionContext, opts: AnswerInitiativeOptions) {
  const initiative = await loadInitiative(a.tx, a.actor, opts.initiativeId, { unitMayAct: true });
  const plan = planAnswer(initiative.unitId, await membersOf(a.tx, initiative.id));
  const reach = plan.filter((p) => p.outcome === 'reply').map((p) => p.demandId);
  if (!reach.length) {
    throw new AppError('initiative.nobody_to_answer');
  }
  if (!sameSet(reach, opts.recipients)) {
    throw new AppError('initiative.recipients_changed', { details: { recipients: reach } });
  }
  // The initiative speaks for its unit: the steps are taken in the system's name, and the events say why.
  const system = actingAs(a, systemActor);
  const note = `治理专项 #${initiative.id}：${initiative.title}`;
  const results: { demandId: number; outcome: 'replied' | 'skipped'; state: string; why: string | null }[] = [];
  for (const p of plan) {
    if (p.outcome === 'skip') {
      results.push({ demandId: p.demandId, outcome: 'skipped', state: p.state, why: p.why });
      continue;
    }
    let state: string = p.state;
    if (state === 'registered' || state === 'returned') {
      state = (await dispatchDemand(system, { demandId: p.demandId, unitId: initiative.unitId, note, forInitiative: true })).state;
    }
    if (state === 'dispatched') state = (await acknowledgeDemand(system, { demandId: p.demandId })).state;
    await replyDemand(system, { demandId: p.demandId, reply: opts.answer });
    results.push({ demandId: p.demandId, outcome: 'replied', state: 'replied', why: null });
  }
  const [{ n }] = await a.tx
    .select({ n: sql<number>`coalesce(max(${initiativeAnswers.version}), 0)::int` })
    .from(initiativeAnswers)
    .where(eq(initiativeAnswers.initiativeId, initiative.id));
  const version = Number(n) + 1;
  await a.tx.insert(initiativeAnswers).values({
    initiativeId: initiative.id,
    version,
    answer: opts.answer,
    answeredBy: actorUserId(a.actor),
    answeredAt: a.now,
    recipients: results,
  });
  await a.tx
    .update(initiatives)
    .set({ status: 'answered', answer: opts.answer, answeredAt: a.now })
    .where(eq(initiatives.id, initiative.id));
  await audit(a, {
    resource: 'initiative',
    resourceId: initiative.id,
    action: 'answer',
    data: {
      version,
      replied: results.filter((r) => r.outcome === 'replied').map((r) => r.demandId),
      skipped: results.filter((r) => r.outcome === 'skipped').map((r) => r.demandId),
    },
  });
  return { initiativeId: initiative.id, version, results };
}
