import { perform } from '../../../kernel/index.js';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { type UserActor, handlesUnit, isAdmin, systemActor } from '../../../kernel/index.js';
import { acknowledgeDemand } from '../../demands/index.js';
import { dispatchDemand } from '../../demands/index.js';
import { replyDemand } from '../../demands/index.js';
import { demands } from '../../demands/index.js';
import { initiativeDemands, initiatives } from '../tables.js';

export type AnswerInitiativeOptions = { actor: UserActor; initiativeId: number; answer: string };

/**
 * One collective answer for all the initiative's demands. Each open demand is brought to the
 * owning unit (dispatched and acknowledged where it was not yet) and replied to through the
 * ordinary actions, so every demand keeps its own events — and its own callback after this.
 */
export async function answerInitiative(ctx: AppContext, opts: AnswerInitiativeOptions) {
  const [initiative] = await ctx.db.select().from(initiatives).where(eq(initiatives.id, opts.initiativeId));
  if (!initiative) throw new AppError('not_found');
  const supervisor = opts.actor.grants.some((g) => g.role === 'supervisor');
  if (!isAdmin(opts.actor) && !supervisor && !handlesUnit(opts.actor, initiative.unitId)) throw new AppError('not_found');
  const linked = await ctx.db
    .select({ id: demands.id, state: demands.state, unitId: demands.unitId })
    .from(initiativeDemands)
    .innerJoin(demands, eq(demands.id, initiativeDemands.demandId))
    .where(eq(initiativeDemands.initiativeId, initiative.id));
  const results: { demandId: number; outcome: 'replied' | 'skipped'; state: string }[] = [];
  // The initiative speaks for its unit: the steps are taken in the system's name, and the events say why.
  const note = `治理专项 #${initiative.id}：${initiative.title}`;
  for (const d of linked) {
    let state = d.state;
    // A demand already with another unit is left to it (and reported), not answered for it.
    if ((state === 'dispatched' || state === 'acknowledged') && d.unitId !== initiative.unitId) {
      results.push({ demandId: d.id, outcome: 'skipped', state });
      continue;
    }
    if (state === 'registered' || state === 'returned') state = (await perform(ctx, systemActor, dispatchDemand, { demandId: d.id, unitId: initiative.unitId, note })).state;
    if (state === 'dispatched') state = (await perform(ctx, systemActor, acknowledgeDemand, { demandId: d.id })).state;
    if (state === 'acknowledged') {
      await perform(ctx, systemActor, replyDemand, { demandId: d.id, reply: opts.answer });
      results.push({ demandId: d.id, outcome: 'replied', state: 'replied' });
    } else results.push({ demandId: d.id, outcome: 'skipped', state });
  }
  await ctx.db.update(initiatives).set({ status: 'answered', answer: opts.answer, answeredAt: ctx.now() }).where(eq(initiatives.id, initiative.id));
  return { initiativeId: initiative.id, results };
}
