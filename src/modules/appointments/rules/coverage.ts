export type Post = { regionId: number; name: string; townshipId: number | null; township: string };
export type Term = { postRegionId: number; from: string; to: string | null };
export type Target = { by: string; share: number };

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const holds = (t: Term, day: string) => t.from <= day && (t.to === null || day <= t.to);

/** Which posts have an appointee in office on `day`: the share overall and per township, and the posts still to cover. */
export function coverageOn(posts: Post[], terms: Term[], day: string) {
  const covered = new Set(terms.filter((t) => holds(t, day)).map((t) => t.postRegionId));
  const byTownship = new Map<string, { township: string; posts: number; covered: number }>();
  for (const p of posts) {
    const row = byTownship.get(p.township) ?? { township: p.township, posts: 0, covered: 0 };
    row.posts++;
    if (covered.has(p.regionId)) row.covered++;
    byTownship.set(p.township, row);
  }
  const n = posts.filter((p) => covered.has(p.regionId)).length;
  return {
    day,
    posts: posts.length,
    covered: n,
    share: posts.length ? round3(n / posts.length) : 0,
    byTownship: [...byTownship.values()]
      .sort((a, b) => (a.township < b.township ? -1 : 1))
      .map((r) => ({ ...r, share: r.posts ? round3(r.covered / r.posts) : 0 })),
    uncovered: posts.filter((p) => !covered.has(p.regionId)),
  };
}

/**
 * Each dated target judged: past its date it was met or missed by the coverage on that day; before
 * it, on track when today's coverage already reaches it, else behind (with how many posts remain).
 */
export function targetStatus(posts: Post[], terms: Term[], targets: Target[], today: string) {
  return targets.map((t) => {
    const past = t.by <= today;
    const at = coverageOn(posts, terms, past ? t.by : today);
    const needed = Math.ceil(t.share * posts.length - 1e-9);
    const reached = at.covered >= needed;
    return {
      by: t.by,
      share: t.share,
      needed,
      covered: at.covered,
      actual: at.share,
      state: past ? (reached ? 'met' : 'missed') : reached ? 'on_track' : 'behind',
      remaining: Math.max(0, needed - at.covered),
    } as const;
  });
}

/** Coverage at each month's end from `from` to `to` (YYYY-MM), for the chart with the target dates. */
export function monthlyCoverage(posts: Post[], terms: Term[], from: string, to: string) {
  const out: { month: string; share: number; covered: number }[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const c = coverageOn(posts, terms, last);
    out.push({ month: `${y}-${String(m).padStart(2, '0')}`, share: c.share, covered: c.covered });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
