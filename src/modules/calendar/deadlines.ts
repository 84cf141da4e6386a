import type { DeadlineStage } from './tables.js';

export type TimeUnit = 'minutes' | 'hours' | 'workdays';
export type TimeLimit = { amount: number; unit: TimeUnit };
export type DayKind = 'holiday' | 'workday';

/** Districts keep China Standard Time, which has no daylight saving: a fixed +08:00. */
const offsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** The local (UTC+8) calendar date of an instant, as YYYY-MM-DD. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** The first millisecond of a local day. */
export function startOfLocalDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMs);
}

/** The last millisecond of a local day. */
export function endOfLocalDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + dayMs - 1 - offsetMs);
}

export type WorkCalendar = { isWorkday(day: string): boolean };

/** Monday to Friday, except listed holidays; weekend days listed as workdays (调休) count. */
export function makeCalendar(exceptions: ReadonlyMap<string, DayKind>): WorkCalendar {
  return {
    isWorkday(day) {
      const kind = exceptions.get(day);
      if (kind) return kind === 'workday';
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/**
 * When a limit that starts at `start` runs out. Minutes and hours are natural time (the
 * 2-hour and 24-hour norms run through nights and holidays); "N working days" ends at the
 * close of the N-th working day after the day it starts.
 */
export function dueAt(start: Date, limit: TimeLimit, calendar: WorkCalendar): Date {
  if (limit.unit === 'minutes') return new Date(start.getTime() + limit.amount * 60_000);
  if (limit.unit === 'hours') return new Date(start.getTime() + limit.amount * 3_600_000);
  let day = localDay(start);
  let counted = 0;
  // A year of consecutive holidays would be a data error; stop rather than loop forever.
  for (let guard = 0; counted < limit.amount; guard++) {
    if (guard > 366 + limit.amount * 7) throw new Error('working-day calendar has no working days ahead');
    day = addDays(day, 1);
    if (calendar.isWorkday(day)) counted++;
  }
  return endOfLocalDay(day);
}

export type LimitContext = { urgency: 'emergency' | 'normal'; complex: boolean; utility: boolean };

/**
 * Built-in norms after Beijing's hotline practice: replies within 2 hours for emergencies,
 * 24 hours for water/power/gas/heating, 7 working days in general and 15 for complex matters.
 */
export function defaultTimeLimit(stage: DeadlineStage, ctx: LimitContext): TimeLimit {
  switch (stage) {
    case 'dispatch':
      return ctx.urgency === 'emergency' ? { amount: 15, unit: 'minutes' } : { amount: 2, unit: 'hours' };
    case 'acknowledge':
      if (ctx.urgency === 'emergency') return { amount: 30, unit: 'minutes' };
      return ctx.utility ? { amount: 2, unit: 'hours' } : { amount: 1, unit: 'workdays' };
    case 'reply':
      if (ctx.urgency === 'emergency') return { amount: 2, unit: 'hours' };
      if (ctx.utility) return { amount: 24, unit: 'hours' };
      return ctx.complex ? { amount: 15, unit: 'workdays' } : { amount: 7, unit: 'workdays' };
    case 'callback':
      return { amount: 2, unit: 'workdays' };
  }
}

export type TimeLimitRule = {
  stage: DeadlineStage;
  /** null = any category; otherwise the rule covers this category and its subcategories. */
  categoryId: number | null;
  /** null = any; 'emergency' | 'normal' | 'complex'. */
  urgency: string | null;
  amount: number;
  unit: TimeUnit;
};

/**
 * The limit for a stage: the most specific admin rule that matches (a deeper category beats
 * a shallower one, and a named urgency beats none), else the built-in norm.
 */
export function resolveTimeLimit(
  stage: DeadlineStage,
  ctx: LimitContext,
  categoryAncestry: number[],
  rules: readonly TimeLimitRule[],
): TimeLimit {
  const urgencyKey = ctx.urgency === 'emergency' ? 'emergency' : ctx.complex ? 'complex' : 'normal';
  let best: { score: number; rule: TimeLimitRule } | null = null;
  for (const rule of rules) {
    if (rule.stage !== stage) continue;
    if (rule.urgency !== null && rule.urgency !== urgencyKey) continue;
    const depth = rule.categoryId === null ? 0 : categoryAncestry.indexOf(rule.categoryId) + 1;
    if (rule.categoryId !== null && depth === 0) continue;
    const score = depth * 2 + (rule.urgency !== null ? 1 : 0);
    if (!best || score > best.score) best = { score, rule };
  }
  return best ? { amount: best.rule.amount, unit: best.rule.unit } : defaultTimeLimit(stage, ctx);
}
