import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { loadCouncil } from '../store.js';
import { councilMeetings } from '../tables.js';

export type ScheduleMeetingOptions = { councilId: number; title: string; place: string; startsAt: Date };

export async function scheduleMeeting(a: ActionContext, opts: ScheduleMeetingOptions) {
  const council = await loadCouncil(a.tx, a.actor, opts.councilId);
  const [m] = await a.tx
    .insert(councilMeetings)
    .values({
      councilId: council.id,
      title: opts.title,
      place: opts.place,
      startsAt: opts.startsAt,
      createdBy: staffActor(a.actor).userId,
      createdAt: a.now,
    })
    .returning();
  await audit(a, {
    resource: 'council_meeting',
    resourceId: m.id,
    action: 'schedule',
    regionPath: council.regionPath,
    data: { councilId: council.id, title: m.title, startsAt: m.startsAt.toISOString() },
  });
  return m;
}
