import type { Db } from '../../../db/client.js';
import { type Actor, hasAnyRole, scopeHolds, scopeOf } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { unitQualityForMonth } from '../../assessments/index.js';
import { localDay } from '../../calendar/index.js';
import { unitRegionPaths } from '../../regions/index.js';
import { getSetting } from '../../settings/index.js';
import { previousMonth, rankUnits, totalRates } from '../rates.js';
import { unitRatesForMonth } from '../unit-rates.js';

const isTownship = (u: { unitKind?: string }) => u.unitKind === 'township_government';

/**
 * 三率 of a month as a supervisor reads it: each unit with its place on the district's board and on
 * its own (townships among townships, the rest among themselves), and the month's quality checks.
 * A supervisor of part of the district sees the units that work there (ranks stay the district's);
 * the total is over the units shown.
 */
export async function monthReport(db: Db, actor: Actor, now: Date, askedMonth?: string) {
  if (!hasAnyRole(actor, ['supervisor', 'admin'])) throw new AppError('auth.forbidden');
  const minDemands = await getSetting(db, 'rates.minDemands');
  const thisMonth = localDay(now).slice(0, 7);
  let month = askedMonth ?? thisMonth;
  let all = await unitRatesForMonth(db, month, now);
  // Asked for no month on the first days of one, before anything is dispatched in it: last month's figures say more than a page of dashes.
  if (!askedMonth && totalRates(all).counts.dispatched === 0) {
    month = previousMonth(thisMonth);
    all = await unitRatesForMonth(db, month, now);
  }
  const ranks = new Map(rankUnits(all, minDemands).map((r) => [r.unitId, r.rank]));
  const groupRanks = new Map(
    [all.filter(isTownship), all.filter((u) => !isTownship(u))].flatMap((group) =>
      rankUnits(group, minDemands).map((r) => [r.unitId, r.rank] as const),
    ),
  );
  const scope = scopeOf(actor, ['supervisor', 'admin']);
  const paths = scope.all ? null : await unitRegionPaths(db);
  const shown = paths ? all.filter((u) => (paths.get(u.unitId) ?? []).some((regionPath) => scopeHolds(scope, { regionPath }))) : all;
  const quality = await unitQualityForMonth(db, month);
  const qualityOf = (unitId: number) => {
    const q = quality.get(unitId);
    return q && q.assessed > 0 ? { ...q, rate: q.qualified / q.assessed } : null;
  };
  const units = shown
    .map((u) => ({
      ...u,
      rank: ranks.get(u.unitId) ?? null,
      rankGroup: isTownship(u) ? ('township' as const) : ('department' as const),
      groupRank: groupRanks.get(u.unitId) ?? null,
      quality: qualityOf(u.unitId),
    }))
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitId - b.unitId);
  return { month, minDemands, units, total: totalRates(shown) };
}
