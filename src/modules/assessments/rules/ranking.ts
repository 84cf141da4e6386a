export type Ranked<T> = T & { rank: number; decidedBy: string | null };

export type Contender = { key: number; total: number; tieBreaks: (number | null)[] };

/**
 * Standard competition ranking (1, 2, 2, 4): higher total first; equal totals are separated by the
 * declared tie-breaks in order (higher wins; a missing value loses), and contenders equal on all
 * of them share a rank. `decidedBy` names what separated a contender from the one above it.
 */
export function rank<T extends Contender>(items: T[], tieBreakNames: string[] = []): Ranked<T>[] {
  const cmpAt = (a: T, b: T, i: number) => (b.tieBreaks[i] ?? Number.NEGATIVE_INFINITY) - (a.tieBreaks[i] ?? Number.NEGATIVE_INFINITY);
  const compare = (a: T, b: T) => {
    if (!near(a.total, b.total)) return b.total - a.total;
    for (let i = 0; i < tieBreakNames.length; i++) {
      const c = cmpAt(a, b, i);
      if (c !== 0 && !near(a.tieBreaks[i] ?? 0, b.tieBreaks[i] ?? 0)) return c;
    }
    return 0;
  };
  const sorted = [...items].sort((a, b) => compare(a, b) || a.key - b.key);
  const out: Ranked<T>[] = [];
  for (const [i, item] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev && compare(prev, item) === 0) {
      out.push({ ...item, rank: out[i - 1].rank, decidedBy: null });
      continue;
    }
    let decidedBy: string | null = null;
    if (prev && near(prev.total, item.total)) {
      decidedBy = tieBreakNames.find((_, k) => !near(prev.tieBreaks[k] ?? 0, item.tieBreaks[k] ?? 0)) ?? null;
    }
    out.push({ ...item, rank: i + 1, decidedBy });
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
