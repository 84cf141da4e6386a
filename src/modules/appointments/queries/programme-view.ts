import { eq, sql } from 'drizzle-orm';
import { type Actor, organisesIn, type Reader } from '../../../kernel/index.js';
import { programmeActions } from '../allowed-actions.js';
import { coverageOn, monthlyCoverage, targetStatus } from '../rules/coverage.js';
import { postsOf } from '../store.js';
import { appointees } from '../tables.js';

type Programme = Awaited<ReturnType<typeof import('../store.js').loadProgramme>>;

/** The programme as a leader reads it: coverage today and by township, each target judged, the posts to cover, and month-end coverage for the chart. */
export async function programmeView(db: Reader, actor: Actor, p: Programme, today: string) {
  const withPaths = await postsOf(db, p.regionPath, p.postKind);
  const posts = withPaths.map(({ path: _, ...post }) => post);
  // The posts the caller may nominate for, as `nominate` checks it: all for an organiser, else their township's.
  const nominatePosts = posts.filter((_, i) => p.organiser || organisesIn(actor, withPaths[i].path));
  const rows = await db
    .select({
      postRegionId: appointees.postRegionId,
      termStart: appointees.termStart,
      termEnd: appointees.termEnd,
      endedOn: appointees.endedOn,
    })
    .from(appointees)
    .where(sql`${appointees.programmeId} = ${p.id} and ${appointees.state} in ('appointed', 'dismissed')`);
  const terms = rows.map((r) => ({ postRegionId: r.postRegionId, from: r.termStart!, to: r.endedOn ?? r.termEnd }));
  const counts = await db
    .select({ state: appointees.state, n: sql<number>`count(*)::int` })
    .from(appointees)
    .where(eq(appointees.programmeId, p.id))
    .groupBy(appointees.state);
  const first = [...terms.map((t) => t.from), p.createdAt.toISOString().slice(0, 10)].sort()[0];
  const last = [...p.targets.map((t) => t.by), today].sort().at(-1)!;
  return {
    id: p.id,
    name: p.name,
    regionId: p.regionId,
    region: p.regionName,
    postKind: p.postKind,
    rules: p.rules,
    duties: p.duties,
    targets: p.targets,
    termMonths: p.termMonths,
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
    coverage: coverageOn(posts, terms, today),
    targetStatus: targetStatus(posts, terms, p.targets, today),
    monthly: monthlyCoverage(posts, terms, first.slice(0, 7), last.slice(0, 7)),
    organiser: p.organiser,
    allowedActions: programmeActions(p.organiser, nominatePosts.length),
    nominatePosts,
  };
}
