import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { computeRates, monthDays, type UnitRates } from './rates.js';
import { monthCountsByUnit } from './rollups.js';

/** The counts behind 三率 for every unit in a local month (definitions in docs/rates.md), from the rollups topped up live. */
export async function unitRatesForMonth(db: Db, month: string, now = new Date()): Promise<UnitRates[]> {
  const { first, next } = monthDays(month);
  const sums = await monthCountsByUnit(db, first, next, now);
  if (!sums.length) return [];
  const units = await queryRows<{ id: number; name: string; kind: string }>(
    db,
    sql`select id, name, kind from units where id = any(${`{${sums.map((s) => s.unitId).join(',')}}`}::int[])`,
  );
  const unitOf = new Map(units.map((u) => [u.id, u]));
  return sums
    .filter((s) => unitOf.has(s.unitId))
    .sort((a, b) => a.unitId - b.unitId)
    .map(({ unitId, yellow, red, overdue, ...counts }) => ({
      unitId,
      unitName: unitOf.get(unitId)!.name,
      unitKind: unitOf.get(unitId)!.kind,
      counts,
      rates: computeRates(counts),
      marks: { yellow, red, overdue },
    }));
}
