import { createHmac, randomInt } from 'node:crypto';
import { canonicalPhone } from '../../lib/phone.js';
import { localDay } from '../calendar/index.js';

const half = 1000;
const rounds = 4;

const roundValue = (key: string, round: number, x: number) =>
  createHmac('sha256', key).update(`${round}:${x}`).digest().readUInt32BE(0) % half;

/**
 * The six digits after the date: a keyed permutation (a four-round Feistel network over two
 * three-digit halves) of the global sequence, so one number neither leads to the next nor tells
 * how many demands a day brought. The key is the installation's own, made at its first migration.
 * Within a day the sequence values are consecutive, so up to 10^6 demands a day never collide.
 */
export function scrambleSerial(seq: number, key: string): string {
  const x = seq % (half * half);
  let left = Math.floor(x / half);
  let right = x % half;
  for (let r = 0; r < rounds; r++) [left, right] = [right, (left + roundValue(key, r, right)) % half];
  return String(left * half + right).padStart(6, '0');
}

/** The inverse of scrambleSerial (the sequence value modulo 10^6): support tools and the test of the permutation. */
export function unscrambleSerial(serial: string, key: string): number {
  const x = Number(serial);
  let left = Math.floor(x / half);
  let right = x % half;
  for (let r = rounds - 1; r >= 0; r--) [left, right] = [(right - roundValue(key, r, left) + half) % half, left];
  return left * half + right;
}

/** "20261129" + six digits: the local date and a scrambled serial, digits only so it can be read out on the phone. */
export function formatDemandNumber(at: Date, seq: number, key: string): string {
  return `${demandNumberPrefix(at)}${scrambleSerial(seq, key)}`;
}

export const demandNumberPrefix = (at: Date) => localDay(at).replaceAll('-', '');

/** Six digits: easy to write on a slip and to read out to an operator. */
export function newQueryCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The platform's one spelling of a phone number (see `canonicalPhone`): demands store and compare it. */
export const normalizePhone = canonicalPhone;
