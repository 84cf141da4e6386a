import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import type { UserActor } from '../../accounts/actor.js';
import { loadMeeting } from '../store.js';
import { councilAttendance, councilSeats } from '../tables.js';

export type RecordAttendanceOptions = { actor: UserActor; meetingId: number; presentSeatIds: number[] };

/** Who is at the table: every seat of the council is marked present or absent. */
export async function recordAttendance(ctx: AppContext, opts: RecordAttendanceOptions) {
  const { meeting, council } = await loadMeeting(ctx.db, opts.actor, opts.meetingId, { open: true });
  const seats = await ctx.db.select({ id: councilSeats.id }).from(councilSeats).where(eq(councilSeats.councilId, council.id));
  const known = new Set(seats.map((s) => s.id));
  const unknown = opts.presentSeatIds.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('validation.reference', { zh: '有席位不属于本议事会。', en: 'Some seats are not this council’s.', details: { unknown } });
  const present = new Set(opts.presentSeatIds);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(councilAttendance).where(and(eq(councilAttendance.meetingId, meeting.id)));
    await tx.insert(councilAttendance).values(seats.map((s) => ({ meetingId: meeting.id, seatId: s.id, present: present.has(s.id), recordedBy: opts.actor.userId, recordedAt: ctx.now() })));
  });
  return { present: present.size, seats: seats.length };
}
