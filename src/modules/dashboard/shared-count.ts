import { type AppContext, dataAsOf, replicaOf, type UserActor } from '../../kernel/index.js';
import { dashboard } from './queries.js';

/** How long one scope's figures are shown again before they are counted anew. */
const freshForMs = 30_000;
/** While a new count runs, the last finished one is shown if it is at most this old (a count can take seconds at millions of demands). */
const shownWhileCountingMs = 5 * 60_000;

type Figures = Awaited<ReturnType<typeof dashboard>> & { asOf: Date };
type Entry = { at: Date; counting: Promise<Figures> | null; last: { at: Date; figures: Figures } | null };
export type ShownFigures = Omit<Figures, 'asOf'> & { computedAt: string };

/** Counted at `at`, from data as of `asOf` (earlier when a replica lags): the screen says the earlier. */
const shown = ({ at, figures: { asOf, ...figures } }: { at: Date; figures: Figures }): ShownFigures => ({
  ...figures,
  computedAt: (asOf < at ? asOf : at).toISOString(),
});

/**
 * 一屏 as a server shows it: everyone with the same grants sees the same screen (the leaders of a district share one
 * count), counted at most every 30 s; while a new count runs, the last one is shown if recent, saying when it was
 * counted, and from the replica when there is one (the time shown is then the replica's). One per server process.
 */
export function sharedDashboard(ctx: AppContext): (actor: UserActor) => Promise<ShownFigures> {
  const cache = new Map<string, Entry>();
  return async (actor) => {
    const key = JSON.stringify(actor.grants.map((g) => [g.role, g.unitId, g.regionPath]).sort());
    const now = ctx.now();
    const entry: Entry = cache.get(key) ?? { at: new Date(0), counting: null, last: null };
    cache.set(key, entry);
    const age = (at: Date) => now.getTime() - at.getTime();
    if (entry.last && age(entry.last.at) <= freshForMs && entry.last.at <= now) return shown(entry.last);
    if (!entry.counting) {
      const at = now;
      // From the replica when there is one: as of its last replayed commit.
      entry.counting = Promise.all([dashboard(replicaOf(ctx), actor, now), dataAsOf(ctx, now)])
        .then(([counted, asOf]) => ({ ...counted, asOf }))
        .then((figures) => {
          entry.last = { at, figures };
          return figures;
        })
        .finally(() => {
          entry.counting = null;
        });
      // A failed count keeps what was shown before; the caller waiting on it hears of the failure.
      entry.counting.catch(() => undefined);
      entry.at = at;
    }
    if (entry.last && age(entry.last.at) <= shownWhileCountingMs && entry.last.at <= now) return shown(entry.last);
    return shown({ at: entry.at, figures: await entry.counting });
  };
}
