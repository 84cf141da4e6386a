import { startOfLocalDay } from '../calendar/index.js';

/** Counts for one unit and period, as gathered from assignments, callbacks and closures. */
export type RateCounts = {
  dispatched: number;
  respondedInTime: number;
  calledBack: number;
  solved: number;
  satisfied: number;
  closed: number;
  closedOnTime: number;
};

export type Rates = {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeClosureRate: number | null;
  /** The mean of the three rates (三率) that exist; what rankings sort by. */
  score: number | null;
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function computeRates(c: RateCounts): Rates {
  const responseRate = ratio(c.respondedInTime, c.dispatched);
  const resolutionRate = ratio(c.solved, c.calledBack);
  const satisfactionRate = ratio(c.satisfied, c.calledBack);
  const three = [responseRate, resolutionRate, satisfactionRate].filter((r): r is number => r !== null);
  return {
    responseRate,
    resolutionRate,
    satisfactionRate,
    onTimeClosureRate: ratio(c.closedOnTime, c.closed),
    score: three.length ? three.reduce((a, b) => a + b, 0) / three.length : null,
  };
}

/** 督办 marks the unit drew in the period (township = yellow, district = red) and replies that fell due unanswered or late. */
export type Marks = { yellow: number; red: number; overdue: number };
export const noMarks: Marks = { yellow: 0, red: 0, overdue: 0 };

export type UnitRates = { unitId: number; unitName: string; unitKind?: string; counts: RateCounts; rates: Rates; marks: Marks };

/**
 * The ranking: only units that handled at least `minDemands` demands in the period (dispatched
 * to them, or called back), so that one fast case cannot top the table; best score first,
 * then more demands first, then name.
 */
export function rankUnits(rows: UnitRates[], minDemands: number): (UnitRates & { rank: number })[] {
  return rows
    .filter((r) => Math.max(r.counts.dispatched, r.counts.calledBack) >= minDemands && r.rates.score !== null)
    .sort(
      (a, b) =>
        b.rates.score! - a.rates.score! || b.counts.dispatched - a.counts.dispatched || a.unitName.localeCompare(b.unitName, 'zh-CN'),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/** The local days [first, next) of a month "2026-11": "2026-11-01" and "2026-12-01". */
export function monthDays(month: string): { first: string; next: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { first: `${month}-01`, next: `${next}-01` };
}

/** The month before "2026-01": "2025-12". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** [start, end) of a local (UTC+8) month "2026-11", as instants. */
export function monthRange(month: string): { start: Date; end: Date } {
  const { first, next } = monthDays(month);
  return { start: startOfLocalDay(first), end: startOfLocalDay(next) };
}

/** The district's row: every unit's counts added up, with the rates computed the same way as a unit's. */
export function totalRates(rows: UnitRates[]): { counts: RateCounts; rates: Rates; marks: Marks } {
  const counts: RateCounts = { dispatched: 0, respondedInTime: 0, calledBack: 0, solved: 0, satisfied: 0, closed: 0, closedOnTime: 0 };
  const marks: Marks = { ...noMarks };
  for (const r of rows) {
    for (const k of Object.keys(counts) as (keyof RateCounts)[]) counts[k] += r.counts[k];
    for (const k of Object.keys(marks) as (keyof Marks)[]) marks[k] += r.marks[k];
  }
  return { counts, rates: computeRates(counts), marks };
}
