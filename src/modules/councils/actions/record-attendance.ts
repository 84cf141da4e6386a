import { eq } from 'drizzle-orm';
import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadMeeting, requireInSession } from '../store.js';
import { councilAttendance, councilSeats } from '../tables.js';

export type RecordAttendanceOptions = { meetingId: number; presentSeatIds: number[] };

/** Who is at the table: every seat of the council is marked present or absent, once the meeting has started. */
export async function recordAttendance(a: ActionContext, opts: RecordAttendanceOptions) {
  const { meeting, council } = await loadMeeting(a.tx, a.actor, opts.meetingId, { open: true });
  requireInSession(meeting, a.now);
  const seats = await a.tx.select({ id: councilSeats.id }).from(councilSeats).where(eq(councilSeats.councilId, council.id));
  const known = new Set(seats.map((s) => s.id));
  const unknown = opts.presentSeatIds.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new AppError('validation.reference', {
      zh: '有席位不属于本议事会。',
      en: 'Some seats are not this council’s.',
      details: { unknown },
    });
  }
  const present = new Set(opts.presentSeatIds);
  const recordedBy = staffActor(a.actor).userId;
  await a.tx.delete(councilAttendance).where(eq(councilAttendance.meetingId, meeting.id));
  await a.tx
    .insert(councilAttendance)
    .values(seats.map((s) => ({ meetingId: meeting.id, seatId: s.id, present: present.has(s.id), recordedBy, recordedAt: a.now })));
  await audit(a, {
    resource: 'council_meeting',
    resourceId: meeting.id,
    action: 'record_attendance',
    regionPath: council.regionPath,
    data: { presentSeatIds: [...present], seats: seats.length },
  });
  return { present: present.size, seats: seats.length };
}
