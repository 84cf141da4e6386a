import { and, eq } from 'drizzle-orm';
import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { passes, quorumMet, tally } from '../rules.js';
import { loadAgendaItem, requireInSession } from '../store.js';
import { agendaItems, councilAttendance, councilSeats, councilVotes } from '../tables.js';

export type VoteOptions = { agendaItemId: number; votes: { seatId: number; choice: 'for' | 'against' | 'abstain' }[] };

/**
 * 表决: one vote per seat present, passing by the council's rule. Without a quorum there is no vote, and the answer says how
 * many seats are present and how many are needed. The meeting is locked while the vote is counted.
 */
export async function voteAgendaItem(a: ActionContext, opts: VoteOptions) {
  const { tx } = a;
  const { item, meeting, council } = await loadAgendaItem(tx, a.actor, opts.agendaItemId, { open: true });
  requireInSession(meeting, a.now);
  const seats = await tx.select({ id: councilSeats.id }).from(councilSeats).where(eq(councilSeats.councilId, council.id));
  const presentRows = await tx
    .select({ seatId: councilAttendance.seatId })
    .from(councilAttendance)
    .where(and(eq(councilAttendance.meetingId, meeting.id), eq(councilAttendance.present, true)));
  const present = new Set(presentRows.map((r) => r.seatId));
  if (!quorumMet(present.size, seats.length, council.quorumPercent)) {
    const needed = Math.floor((seats.length * council.quorumPercent) / 100) + 1;
    throw new AppError('council.quorum_not_met', {
      zh: `到会 ${present.size} 席，共 ${seats.length} 席，至少需要 ${needed} 席到会才能表决。`,
      en: `${present.size} of ${seats.length} seats present; at least ${needed} are needed to vote.`,
      details: { present: present.size, seats: seats.length, needed },
    });
  }
  const absent = opts.votes.filter((v) => !present.has(v.seatId));
  if (absent.length) {
    throw new AppError('request.invalid', {
      zh: '只有到会席位可以表决。',
      en: 'Only seats present may vote.',
      details: { seatIds: absent.map((v) => v.seatId) },
    });
  }
  if (new Set(opts.votes.map((v) => v.seatId)).size !== opts.votes.length) {
    throw new AppError('request.invalid', { zh: '每个席位只能投一票。', en: 'One vote per seat.' });
  }
  const result = tally(opts.votes.map((v) => v.choice));
  const outcome: 'passed' | 'rejected' = passes(result, present.size, council.voteRule, seats.length) ? 'passed' : 'rejected';
  const userId = staffActor(a.actor).userId;
  await tx.delete(councilVotes).where(eq(councilVotes.agendaItemId, item.id));
  if (opts.votes.length) {
    await tx.insert(councilVotes).values(opts.votes.map((v) => ({ agendaItemId: item.id, ...v, recordedBy: userId, recordedAt: a.now })));
  }
  await tx.update(agendaItems).set({ outcome, votedBy: userId, votedAt: a.now }).where(eq(agendaItems.id, item.id));
  await audit(a, {
    resource: 'agenda_item',
    resourceId: item.id,
    action: 'vote',
    regionPath: council.regionPath,
    data: { ...result, present: present.size, seats: seats.length, outcome, votes: opts.votes },
  });
  return { ...result, present: present.size, seats: seats.length, outcome };
}
