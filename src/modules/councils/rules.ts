/** Quorum: strictly more than `sharePercent`% of the seats are present (default: a majority). */
export function quorumMet(present: number, seats: number, sharePercent = 50): boolean {
  return seats > 0 && present * 100 > seats * sharePercent;
}

export type Tally = { for: number; against: number; abstain: number };

/**
 * Simple majority of the seats present: more votes for than half of those present. An
 * abstention therefore counts like a vote against, and a tie fails.
 */
export function passes(t: Tally, present: number): boolean {
  return t.for * 2 > present;
}

export function tally(choices: ('for' | 'against' | 'abstain')[]): Tally {
  const out: Tally = { for: 0, against: 0, abstain: 0 };
  for (const c of choices) out[c]++;
  return out;
}
