/** What ends a place's name in an address: roads, compounds, landmarks. */
const endings: [RegExp, 'road' | 'compound' | 'landmark'][] = [
  [/(大道|路|街|巷|胡同)$/, 'road'],
  [/(小区|花园|新城|新村|家园|苑|公寓|大院|名都|雅居|府|城)$/, 'compound'],
  [/(广场|市场|公园|学校|小学|中学|医院|卫生院|大厦|商场|车站|桥|中心)$/, 'landmark'],
];

/**
 * The place names an address contains once the region names in it are cut out: "昌元街道宝城社区滨河路12号"
 * gives "滨河路". Pieces are split at digits and punctuation and kept when they end as a place does.
 */
export function placeNamesIn(address: string, regionNames: string[]): { name: string; kind: 'road' | 'compound' | 'landmark' }[] {
  let rest = address.normalize('NFKC');
  for (const n of regionNames) if (n.length >= 2) rest = rest.split(n).join('|');
  const out: { name: string; kind: 'road' | 'compound' | 'landmark' }[] = [];
  for (const piece of rest.split(/(?:[|\d\s,，。、;；:：()（）#\-—]|号|栋|幢|单元|室|门口|旁边|对面|附近)+/)) {
    const name = piece.trim();
    if (name.length < 2 || name.length > 12) continue;
    const kind = endings.find(([re]) => re.test(name))?.[1];
    if (kind) out.push({ name, kind });
  }
  return out;
}

export type Candidate = { name: string; kind: 'road' | 'compound' | 'landmark'; regionId: number; evidence: number };

/**
 * Candidates from demands staff placed: a name said in at least `minEvidence` of them, and in one
 * community at least `minShare` of the time (a road through three communities is not a place of one).
 */
export function mineCandidates(
  placed: { address: string; regionId: number }[],
  regionNames: string[],
  opts = { minEvidence: 2, minShare: 0.8 },
): Candidate[] {
  const counts = new Map<string, { kind: Candidate['kind']; total: number; byRegion: Map<number, number> }>();
  for (const d of placed) {
    for (const { name, kind } of new Map(placeNamesIn(d.address, regionNames).map((p) => [p.name, p])).values()) {
      const c = counts.get(name) ?? { kind, total: 0, byRegion: new Map<number, number>() };
      c.total++;
      c.byRegion.set(d.regionId, (c.byRegion.get(d.regionId) ?? 0) + 1);
      counts.set(name, c);
    }
  }
  const out: Candidate[] = [];
  for (const [name, c] of counts) {
    const [regionId, n] = [...c.byRegion].sort((a, b) => b[1] - a[1])[0];
    if (n >= opts.minEvidence && n / c.total >= opts.minShare) out.push({ name, kind: c.kind, regionId, evidence: n });
  }
  return out.sort((a, b) => b.evidence - a.evidence || a.name.localeCompare(b.name));
}
