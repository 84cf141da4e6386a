import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import type { UserActor } from '../../accounts/actor.js';
import { demands } from '../../demands/tables.js';
import { loadMeeting } from '../store.js';
import { proposals } from '../../proposals/tables.js';
import { agendaItems } from '../tables.js';

export type AddAgendaItemOptions = {
  actor: UserActor;
  meetingId: number;
  source: 'topic' | 'demand' | 'proposal' | 'free';
  /** Demand or proposal id, or the topic's label. */
  sourceRef?: string | null;
  title: string;
  description?: string;
};

/** 议题: from a topic (一类事), a demand, a resident proposal, or free text. */
export async function addAgendaItem(ctx: AppContext, opts: AddAgendaItemOptions) {
  const { meeting } = await loadMeeting(ctx.db, opts.actor, opts.meetingId, { open: true });
  if (opts.source === 'demand') {
    const [d] = opts.sourceRef && /^\d+$/.test(opts.sourceRef) ? await ctx.db.select({ id: demands.id }).from(demands).where(eq(demands.id, Number(opts.sourceRef))) : [];
    if (!d) throw new AppError('validation.reference', { zh: '所引用的诉求不存在。', en: 'The demand referred to does not exist.' });
  }
  if (opts.source === 'proposal') {
    const [p] = opts.sourceRef && /^\d+$/.test(opts.sourceRef) ? await ctx.db.select().from(proposals).where(eq(proposals.id, Number(opts.sourceRef))) : [];
    if (!p) throw new AppError('validation.reference', { zh: '所引用的提议不存在。', en: 'The proposal referred to does not exist.' });
    await ctx.db.update(proposals).set({ status: 'on_agenda' }).where(eq(proposals.id, p.id));
  }
  const [item] = await ctx.db
    .insert(agendaItems)
    .values({ meetingId: meeting.id, source: opts.source, sourceRef: opts.sourceRef ?? null, title: opts.title, description: opts.description ?? '' })
    .returning();
  return item;
}
