import { describe, expect, it } from 'vitest';
import { formatDemandNumber, newQueryCode, normalizePhone, scrambleSerial, unscrambleSerial } from './numbering.js';

const key = 'a'.repeat(64);

describe('numbering', () => {
  it.each([
    ['2026-11-29T10:00:00+08:00', '20261129'],
    ['2026-11-29T17:00:00Z', '20261130'],
  ])('%s is numbered on the local day %s, fourteen digits', (at, day) => {
    const n = formatDemandNumber(new Date(at), 123, key);
    expect(n).toMatch(/^\d{14}$/);
    expect(n.slice(0, 8)).toBe(day);
  });

  it('the serial is a permutation: it undoes, and a day of consecutive values never collides', () => {
    const seen = new Set<string>();
    for (let seq = 999_000; seq < 1_009_000; seq++) {
      const s = scrambleSerial(seq, key);
      expect(s).toMatch(/^\d{6}$/);
      expect(unscrambleSerial(s, key)).toBe(seq % 1_000_000);
      seen.add(s);
    }
    expect(seen.size).toBe(10_000);
  });

  it('one number does not lead to the next, and another key numbers differently', () => {
    const serials = Array.from({ length: 1000 }, (_, i) => Number(scrambleSerial(5000 + i, key)));
    const adjacent = serials.slice(1).filter((s, i) => Math.abs(s - serials[i]) <= 10).length;
    expect(adjacent).toBeLessThan(5);
    const other = Array.from({ length: 1000 }, (_, i) => Number(scrambleSerial(5000 + i, 'b'.repeat(64))));
    expect(other.filter((s, i) => s === serials[i]).length).toBeLessThan(5);
  });

  it('query codes are six digits', () => {
    for (let i = 0; i < 50; i++) expect(newQueryCode()).toMatch(/^\d{6}$/);
  });
  it.each([
    ['138 1234 5678', '13812345678'],
    ['023-4567-8901', '02345678901'],
    ['+86 138-1234-5678', '13812345678'], // one spelling: a mainland number as its national digits
  ])('normalizes %s', (raw, want) => expect(normalizePhone(raw)).toBe(want));
});
