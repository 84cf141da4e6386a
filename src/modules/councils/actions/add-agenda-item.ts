import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { demandExists } from '../../demands/index.js';
import { agendaSource } from '../agenda-sources.js';
import { loadMeeting } from '../store.js';
import { agendaItems } from '../tables.js';

export type AddAgendaItemOptions = {
  meetingId: number;
  source: 'topic' | 'demand' | 'proposal' | 'free';
  /** Demand or proposal id, or the topic's label. */
  sourceRef?: string | null;
  title: string;
  description?: string;
};

const numericRef = (ref: string | null | undefined) => (ref && /^\d{1,9}$/.test(ref) ? Number(ref) : null);

/** 议题: from a topic (一类事), a demand, a resident proposal, or free text. */
export async function addAgendaItem(a: ActionContext, opts: AddAgendaItemOptions) {
  const { meeting, council } = await loadMeeting(a.tx, a.actor, opts.meetingId, { open: true });
  const ref = numericRef(opts.sourceRef);
  if (opts.source === 'demand') {
    if (!ref || !(await demandExists(a.tx, ref)))
      throw new AppError('validation.reference', { zh: '所引用的诉求不存在。', en: 'The demand referred to does not exist.' });
  }
  if (opts.source === 'proposal') {
    const take = agendaSource('proposal');
    if (!ref || !take)
      throw new AppError('validation.reference', { zh: '所引用的提议不存在。', en: 'The proposal referred to does not exist.' });
    await take(a, ref, { id: meeting.id, regionPath: council.regionPath });
  }
  const [item] = await a.tx
    .insert(agendaItems)
    .values({
      meetingId: meeting.id,
      source: opts.source,
      sourceRef: opts.sourceRef ?? null,
      title: opts.title,
      description: opts.description ?? '',
    })
    .returning();
  await audit(a, {
    resource: 'agenda_item',
    resourceId: item.id,
    action: 'add',
    regionPath: council.regionPath,
    data: { meetingId: meeting.id, source: item.source, sourceRef: item.sourceRef, title: item.title },
  });
  return item;
}
