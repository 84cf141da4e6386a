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
