/** Quorum: strictly more than `sharePercent`% of the seats are present (default: a majority). */
export function quorumMet(present: number, seats: number, sharePercent = 50): boolean {
  return seats > 0 && present * 100 > seats * sharePercent;
}

export type Tally = { for: number; against: number; abstain: number };

export type VoteRule = 'majority_present' | 'majority_seats' | 'two_thirds_present';

/**
 * Whether a vote passes. By default a simple majority of the seats present: more votes for than
 * half of those present, so an abstention counts like a vote against and a tie fails.
 */
export function passes(t: Tally, present: number, rule: VoteRule = 'majority_present', seats = present): boolean {
  switch (rule) {
    case 'majority_present':
      return t.for * 2 > present;
    case 'majority_seats':
      return t.for * 2 > seats;
    case 'two_thirds_present':
      return t.for * 3 >= present * 2;
  }
}

export function tally(choices: ('for' | 'against' | 'abstain')[]): Tally {
  const out: Tally = { for: 0, against: 0, abstain: 0 };
  for (const c of choices) out[c]++;
  return out;
}

export type MeetingPhase = 'not_started' | 'in_session' | 'closed';

/**
 * Where a meeting stands: attendance and votes are taken only in session, from its start to its close. Before it there
 * is nothing to record yet; after the close the record is frozen and changes are corrections.
 */
export function meetingPhase(m: { startsAt: Date; status: 'scheduled' | 'closed' }, now: Date): MeetingPhase {
  if (m.status === 'closed') return 'closed';
  return now.getTime() < m.startsAt.getTime() ? 'not_started' : 'in_session';
}

export type ActionItemState = 'open' | 'done' | 'overdue';
export type ActionItemMove = 'complete' | 'reopen' | 'mark_overdue';

/** An action item's lifecycle: which move is allowed from which state and where it leads. `mark_overdue` is the sweep's. */
export const actionItemMoves: Record<ActionItemMove, { from: readonly ActionItemState[]; to: ActionItemState }> = {
  complete: { from: ['open', 'overdue'], to: 'done' },
  reopen: { from: ['done'], to: 'open' },
  mark_overdue: { from: ['open'], to: 'overdue' },
};

/** The state a move leads to from `state`, or null when the move is not allowed there. */
export function moveActionItem(state: ActionItemState, move: ActionItemMove): ActionItemState | null {
  const m = actionItemMoves[move];
  return m.from.includes(state) ? m.to : null;
}

/** The moves a person (not the sweep) may make on an item in this state: what the console offers. */
export function personMoves(state: ActionItemState): ('complete' | 'reopen')[] {
  return (['complete', 'reopen'] as const).filter((m) => moveActionItem(state, m) !== null);
}

/** Overdue once its due day has passed (local days, YYYY-MM-DD) and it is still open. */
export function isOverdue(item: { status: ActionItemState; dueOn: string }, today: string): boolean {
  return item.status === 'open' && today > item.dueOn;
}
