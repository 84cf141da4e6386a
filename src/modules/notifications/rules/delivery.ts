/** How the outbox is delivered: retries, quiet hours, per-phone limits. Pure rules, tested as tables. */
import { chinaOffsetMs } from '../../../lib/china-time.js';

export const maxAttempts = 6;

/** 30 s, 1 min, 2 min … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type QuietHours = { start: number; end: number } | null;

/** "22-8" → 22:00–08:00 local; "" or "off" → none. */
export function parseQuietHours(spec: string | undefined): QuietHours {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(spec?.trim() ?? '');
  if (!m) return null;
  const [start, end] = [Number(m[1]), Number(m[2])];
  return start <= 23 && end <= 23 && start !== end ? { start, end } : null;
}

/** When quiet hours (China time) hold at `now`, the moment they end; otherwise null. */
export function quietUntil(now: Date, quiet: QuietHours): Date | null {
  if (!quiet) return null;
  const local = new Date(now.getTime() + chinaOffsetMs);
  const hour = local.getUTCHours();
  const inside = quiet.start < quiet.end ? hour >= quiet.start && hour < quiet.end : hour >= quiet.start || hour < quiet.end;
  if (!inside) return null;
  const end = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), quiet.end) - chinaOffsetMs);
  return end > now ? end : new Date(end.getTime() + 86_400_000);
}

/** Templates a resident is waiting for right now (a code on screen): never held back. */
export const urgentTemplates: ReadonlySet<string> = new Set(['code']);

/**
 * Receipts past the hourly limit of a phone are dropped, not held: the resident saw the number and query code on
 * screen, and anyone may type any phone into the public form — held, a flood of forms would reach its victim at the
 * limit's pace all day.
 */
export const droppedOverLimit: ReadonlySet<string> = new Set(['receipt']);

/** What to do with one due SMS before sending it. */
export type SmsDecision = { kind: 'send' } | { kind: 'skip'; reason: string } | { kind: 'defer'; until: Date; reason: string };

export function decideSms(input: {
  template: string | null;
  now: Date;
  optedOut: boolean;
  quiet: QuietHours;
  /** Messages sent to this phone in the last hour, and the earliest of them. */
  sentLastHour: number;
  earliestLastHour: Date | null;
  perHourLimit: number;
}): SmsDecision {
  const urgent = urgentTemplates.has(input.template ?? '');
  if (input.optedOut && !urgent) return { kind: 'skip', reason: 'opted_out' };
  if (urgent) return { kind: 'send' };
  const quiet = quietUntil(input.now, input.quiet);
  if (quiet) return { kind: 'defer', until: quiet, reason: 'quiet_hours' };
  if (input.sentLastHour >= input.perHourLimit && droppedOverLimit.has(input.template ?? ''))
    return { kind: 'skip', reason: 'rate_limited' };
  if (input.sentLastHour >= input.perHourLimit && input.earliestLastHour)
    return { kind: 'defer', until: new Date(input.earliestLastHour.getTime() + 3_600_000), reason: 'rate_limited' };
  return { kind: 'send' };
}

/** After a failed attempt: try again later, or give up. */
export function afterFailure(attempts: number, retryable: boolean, now: Date): { status: 'pending'; at: Date } | { status: 'failed' } {
  if (!retryable || attempts >= maxAttempts) return { status: 'failed' };
  return { status: 'pending', at: new Date(now.getTime() + backoffMs(attempts)) };
}
