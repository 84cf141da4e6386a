import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { addDays, localDay } from '../../calendar/index.js';
import { demands } from '../../demands/index.js';
import { initiatives } from '../../initiatives/index.js';
import { loadAgendaItem } from '../store.js';
import { actionItems, resolutions } from '../tables.js';

export type ActionItemInput = { title: string; owner: string; dueOn: string; demandId?: number | null; initiativeId?: number | null };
export type AdoptResolutionOptions = { agendaItemId: number; text: string; noticeDays?: number; actionItems: ActionItemInput[] };

/** 决议: what a passed agenda item commits to, with who does what by when (linked to demands or initiatives); shown publicly for a notice period. */
export async function adoptResolution(a: ActionContext, opts: AdoptResolutionOptions) {
  const { tx, now } = a;
  const { item, meeting, council } = await loadAgendaItem(tx, a.actor, opts.agendaItemId, { open: true });
  if (item.outcome !== 'passed') throw new AppError('council.not_passed', { details: { agendaItemId: item.id, outcome: item.outcome } });
  for (const ai of opts.actionItems) {
    if (ai.demandId && !(await tx.select({ id: demands.id }).from(demands).where(eq(demands.id, ai.demandId))).length) {
      throw new AppError('validation.reference', {
        zh: '行动项关联的诉求不存在。',
        en: 'An action item links a demand that does not exist.',
        details: { demandId: ai.demandId },
      });
    }
    if (ai.initiativeId && !(await tx.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, ai.initiativeId))).length) {
      throw new AppError('validation.reference', {
        zh: '行动项关联的治理专项不存在。',
        en: 'An action item links an initiative that does not exist.',
        details: { initiativeId: ai.initiativeId },
      });
    }
  }
  const [resolution] = await tx
    .insert(resolutions)
    .values({
      meetingId: meeting.id,
      agendaItemId: item.id,
      text: opts.text,
      noticeUntil: addDays(localDay(now), opts.noticeDays ?? 7),
      createdAt: now,
    })
    .returning();
  const items = opts.actionItems.length
    ? await tx
        .insert(actionItems)
        .values(
          opts.actionItems.map((ai) => ({
            ...ai,
            demandId: ai.demandId ?? null,
            initiativeId: ai.initiativeId ?? null,
            resolutionId: resolution.id,
            updatedAt: now,
          })),
        )
        .returning()
    : [];
  await audit(a, {
    resource: 'resolution',
    resourceId: resolution.id,
    action: 'adopt',
    regionPath: council.regionPath,
    data: { agendaItemId: item.id, noticeUntil: resolution.noticeUntil, actionItems: items.map((i) => i.id) },
  });
  return { resolution, actionItems: items };
}
