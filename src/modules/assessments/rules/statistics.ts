/** Wilson score interval for a proportion: honest near 0% and 100%, where the normal interval is not. */
export function wilson(successes: number, n: number, z = 1.96): { rate: number; low: number; high: number } | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** The panel's spread: range and sample standard deviation. */
export function spread(xs: number[]): { range: number; sd: number } | null {
  if (xs.length === 0) return null;
  const m = mean(xs)!;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)) : 0;
  return { range: Math.max(...xs) - Math.min(...xs), sd };
}

/** 去掉一个最高分、去掉一个最低分: the mean of the rest; with fewer than three scores, the plain mean. */
export function trimmedMean(xs: number[]): number | null {
  if (xs.length < 3) return mean(xs);
  const sorted = [...xs].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

export const roundTo = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
