import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMs, decideSms, parseQuietHours, quietUntil } from './delivery.js';

const at = (iso: string) => new Date(iso);

describe('delivery rules', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [4, 240_000],
    [20, 3_600_000],
  ])('backoff after attempt %i is %i ms', (attempts, ms) => expect(backoffMs(attempts)).toBe(ms));

  it.each([
    ['22-8', { start: 22, end: 8 }],
    ['0-7', { start: 0, end: 7 }],
    ['off', null],
    ['', null],
    ['8-8', null],
    ['25-3', null],
  ])('quiet hours %j parse to %j', (spec, expected) => expect(parseQuietHours(spec)).toEqual(expected));

  const night = { start: 22, end: 8 };
  it.each([
    // China time = UTC+8
    ['2026-11-29T14:30:00Z', '2026-11-30T00:00:00.000Z'], // 22:30 → 08:00 next day
    ['2026-11-29T20:00:00Z', '2026-11-30T00:00:00.000Z'], // 04:00 → 08:00 same day
    ['2026-11-29T02:00:00Z', null], // 10:00: not quiet
    ['2026-11-29T13:59:59Z', null], // 21:59:59
  ])('quiet until at %s → %s', (now, until) => {
    const got = quietUntil(at(now), night);
    expect(got?.toISOString() ?? null).toBe(until);
  });

  const base = {
    template: 'replied',
    now: at('2026-11-29T02:00:00Z'),
    optedOut: false,
    quiet: night,
    sentLastHour: 0,
    earliestLastHour: null,
    perHourLimit: 5,
  };
  it.each([
    ['plain', {}, 'send'],
    ['opted out', { optedOut: true }, 'skip'],
    ['opted out but a code', { optedOut: true, template: 'code' }, 'send'],
    ['night', { now: at('2026-11-29T15:00:00Z') }, 'defer'],
    ['night but a code', { now: at('2026-11-29T15:00:00Z'), template: 'code' }, 'send'],
    ['over the hourly limit', { sentLastHour: 5, earliestLastHour: at('2026-11-29T01:30:00Z') }, 'defer'],
    ['under the hourly limit', { sentLastHour: 4, earliestLastHour: at('2026-11-29T01:30:00Z') }, 'send'],
    ['a receipt over the hourly limit', { template: 'receipt', sentLastHour: 5, earliestLastHour: at('2026-11-29T01:30:00Z') }, 'skip'],
    ['a receipt under the hourly limit', { template: 'receipt', sentLastHour: 4, earliestLastHour: at('2026-11-29T01:30:00Z') }, 'send'],
  ])('%s → %s', (_name, patch, kind) => expect(decideSms({ ...base, ...patch }).kind).toBe(kind));

  it('rate-limited messages wait until the earliest of the hour is an hour old', () => {
    const d = decideSms({ ...base, sentLastHour: 5, earliestLastHour: at('2026-11-29T01:30:00Z') });
    expect(d).toEqual({ kind: 'defer', until: at('2026-11-29T02:30:00Z'), reason: 'rate_limited' });
  });

  it.each([
    [1, true, 'pending'],
    [5, true, 'pending'],
    [6, true, 'failed'],
    [1, false, 'failed'],
  ])('after attempt %i (retryable %s) → %s', (attempts, retryable, status) =>
    expect(afterFailure(attempts, retryable, base.now).status).toBe(status),
  );
});
