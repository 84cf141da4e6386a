import { describe, expect, it } from 'vitest';
import { formatDemandNumber, newQueryCode, normalizePhone } from './numbering.js';

describe('numbering', () => {
  it.each([
    ['2026-11-29T10:00:00+08:00', 123, '20261129000123'],
    ['2026-11-29T17:00:00Z', 1, '20261130000001'],
    ['2026-01-01T00:00:00+08:00', 1234567, '202601011234567'],
  ])('%s #%i → %s', (at, seq, want) => {
    expect(formatDemandNumber(new Date(at), seq)).toBe(want);
  });
  it('query codes are six digits', () => {
    for (let i = 0; i < 50; i++) expect(newQueryCode()).toMatch(/^\d{6}$/);
  });
  it.each([
    ['138 1234 5678', '13812345678'],
    ['023-4567-8901', '02345678901'],
    ['+86 138-1234-5678', '+8613812345678'],
  ])('normalizes %s', (raw, want) => expect(normalizePhone(raw)).toBe(want));
});
