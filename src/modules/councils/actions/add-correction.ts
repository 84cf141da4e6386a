import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { loadMeeting } from '../store.js';
import { meetingCorrections } from '../tables.js';

/** A correction to a closed meeting's record: a new entry, the original stays as it was. */
export async function addCorrection(a: ActionContext, opts: { meetingId: number; body: string }) {
  const { meeting, council } = await loadMeeting(a.tx, a.actor, opts.meetingId);
  const [c] = await a.tx
    .insert(meetingCorrections)
    .values({ meetingId: meeting.id, body: opts.body, createdBy: staffActor(a.actor).userId, createdAt: a.now })
    .returning();
  await audit(a, {
    resource: 'council_meeting',
    resourceId: meeting.id,
    action: 'correct',
    regionPath: council.regionPath,
    data: { correctionId: c.id },
  });
  return c;
}
