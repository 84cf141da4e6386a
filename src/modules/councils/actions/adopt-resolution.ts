import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import type { UserActor } from '../../accounts/actor.js';
import { addDays, localDay } from '../../calendar/deadlines.js';
import { demands } from '../../demands/tables.js';
import { initiatives } from '../../initiatives/tables.js';
import { loadAgendaItem } from '../store.js';
import { actionItems, resolutions } from '../tables.js';

export type ActionItemInput = { title: string; owner: string; dueOn: string; demandId?: number | null; initiativeId?: number | null };
export type AdoptResolutionOptions = { actor: UserActor; agendaItemId: number; text: string; noticeDays?: number; actionItems: ActionItemInput[] };

/** 决议: what a passed agenda item commits to, with who does what by when (linked to demands or initiatives); shown publicly for a notice period. */
export async function adoptResolution(ctx: AppContext, opts: AdoptResolutionOptions) {
  const { item, meeting } = await loadAgendaItem(ctx.db, opts.actor, opts.agendaItemId, { open: true });
  if (item.outcome !== 'passed') throw new AppError('council.not_passed', { details: { agendaItemId: item.id, outcome: item.outcome } });
  for (const a of opts.actionItems) {
    if (a.demandId && !(await ctx.db.select({ id: demands.id }).from(demands).where(eq(demands.id, a.demandId))).length) {
      throw new AppError('validation.reference', { zh: '行动项关联的诉求不存在。', en: 'An action item links a demand that does not exist.', details: { demandId: a.demandId } });
    }
  }
  for (const a of opts.actionItems) {
    if (a.initiativeId && !(await ctx.db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, a.initiativeId))).length) {
      throw new AppError('validation.reference', { zh: '行动项关联的治理专项不存在。', en: 'An action item links an initiative that does not exist.', details: { initiativeId: a.initiativeId } });
    }
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [resolution] = await tx
      .insert(resolutions)
      .values({ meetingId: meeting.id, agendaItemId: item.id, text: opts.text, noticeUntil: addDays(localDay(now), opts.noticeDays ?? 7), createdAt: now })
      .returning();
    const items = opts.actionItems.length
      ? await tx.insert(actionItems).values(opts.actionItems.map((a) => ({ ...a, demandId: a.demandId ?? null, initiativeId: a.initiativeId ?? null, resolutionId: resolution.id, updatedAt: now }))).returning()
      : [];
    return { resolution, actionItems: items };
  });
}
