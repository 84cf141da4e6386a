import { randomInt } from 'node:crypto';
import { localDay } from '../calendar/index.js';

/** "20261129000123": the local date and a global sequence, digits only so it can be read out on the phone. */
export function formatDemandNumber(at: Date, seq: number): string {
  return `${demandNumberPrefix(at)}${String(seq).padStart(6, '0')}`;
}

export const demandNumberPrefix = (at: Date) => localDay(at).replaceAll('-', '');

/** Six digits: easy to write on a slip and to read out to an operator. */
export function newQueryCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Digits only, keeping a leading + for international numbers. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}
