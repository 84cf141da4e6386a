import { type ActionContext, audit, handlesUnit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadActor } from '../../accounts/index.js';
import { addDays, localDay } from '../../calendar/index.js';
import { demandExists } from '../../demands/index.js';
import { initiativeExists } from '../../initiatives/index.js';
import { getUnit } from '../../regions/index.js';
import { loadAgendaItem } from '../store.js';
import { actionItems, resolutions } from '../tables.js';

export type ActionItemInput = {
  title: string;
  ownerUnitId: number;
  ownerUserId?: number | null;
  dueOn: string;
  demandId?: number | null;
  initiativeId?: number | null;
};
export type AdoptResolutionOptions = { agendaItemId: number; text: string; noticeDays?: number; actionItems: ActionItemInput[] };

/** 决议: what a passed agenda item commits to, with which unit (and optionally who in it) does what by when (linked to demands or initiatives); shown publicly for a notice period. */
export async function adoptResolution(a: ActionContext, opts: AdoptResolutionOptions) {
  const { tx, now } = a;
  const { item, meeting, council } = await loadAgendaItem(tx, a.actor, opts.agendaItemId, { open: true });
  if (item.outcome !== 'passed') throw new AppError('council.not_passed', { details: { agendaItemId: item.id, outcome: item.outcome } });
  for (const ai of opts.actionItems) {
    if (!(await getUnit(tx, ai.ownerUnitId))) {
      throw new AppError('validation.reference', {
        zh: '行动项的责任单位不存在。',
        en: 'An action item’s owner unit does not exist.',
        details: { ownerUnitId: ai.ownerUnitId },
      });
    }
    if (ai.ownerUserId) {
      const person = await loadActor(tx, ai.ownerUserId);
      if (!person || !handlesUnit(person, ai.ownerUnitId)) {
        throw new AppError('validation.reference', {
          zh: '行动项的责任人不是该责任单位的人员。',
          en: 'An action item’s owner is not a member of its owner unit.',
          details: { ownerUserId: ai.ownerUserId },
        });
      }
    }
    if (ai.demandId && !(await demandExists(tx, ai.demandId))) {
      throw new AppError('validation.reference', {
        zh: '行动项关联的诉求不存在。',
        en: 'An action item links a demand that does not exist.',
        details: { demandId: ai.demandId },
      });
    }
    if (ai.initiativeId && !(await initiativeExists(tx, ai.initiativeId))) {
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
            ownerUserId: ai.ownerUserId ?? null,
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
