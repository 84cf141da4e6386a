import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { SqlClient } from '../db/client.js';
import { AppError } from '../lib/errors.js';

type Store = RateLimiterPostgres | RateLimiterMemory;

/** One limit: a number of points per window, kept in the database when one is given (shared by every process). */
export function limiter(client: SqlClient | undefined, keyPrefix: string, points: number, duration: number, blockDuration = 0): Store {
  if (!client) return new RateLimiterMemory({ keyPrefix, points, duration, blockDuration });
  return new RateLimiterPostgres({
    storeClient: client,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix,
    points,
    duration,
    blockDuration,
  });
}

const tooMany = (res: RateLimiterRes, details: Record<string, unknown>) =>
  Object.assign(
    new AppError('rate_limited', {
      zh: `尝试次数过多，请 ${Math.ceil(res.msBeforeNext / 60_000)} 分钟后再试。`,
      en: `Too many attempts; try again in ${Math.ceil(res.msBeforeNext / 60_000)} minutes.`,
      details,
    }),
    { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) },
  );

/** Wrong passwords one address may send in 15 minutes: a guesser's budget, never an office's sign-ins. */
export const loginFailuresPerAddress = 30;
/** Wrong passwords one account may take in 15 minutes before it is locked for 15 more. */
export const loginFailuresPerAccount = 10;

/**
 * Sign-in throttling, counting failures only. Per address: an office behind one address signs in all
 * morning, a guesser stops after 30 wrong passwords. Per account: each attempt takes a point first, in one
 * atomic step of the store, and a success gives them all back — so 40 wrong passwords sent at once are 10
 * checked and 30 refused, never 40 checked. At the limit the account is locked until the window ends or an
 * admin unlocks it.
 */
export function loginLimits(client?: SqlClient) {
  const perAddress = limiter(client, 'login_addr_failures', loginFailuresPerAddress, 15 * 60);
  const perAccount = limiter(client, 'login_acct', loginFailuresPerAccount, 15 * 60, 15 * 60);
  // Who has signed in from an address in the last 30 days: one person in an office sending made-up names must not
  // lock out everyone behind the same address. Such a known pair still has its account's own 10 tries.
  const knownPairs = limiter(client, 'login_known', 1_000_000, 30 * 24 * 60 * 60);
  const account = (username: string) => username.trim().toLowerCase();
  const pair = (address: string, username: string) => `${address}|${account(username)}`;
  return {
    /**
     * Before checking a password: refuses (429) when the account is over its limit, or the address is over its limit
     * and the account has not signed in from it before.
     */
    async admit(address: string, username: string): Promise<void> {
      const failures = await perAddress.get(address);
      if (failures && failures.consumedPoints >= loginFailuresPerAddress && !(await knownPairs.get(pair(address, username))))
        throw tooMany(failures, { limit: 'address' });
      try {
        await perAccount.consume(account(username));
      } catch (res) {
        if (res instanceof RateLimiterRes) throw tooMany(res, { limit: 'account', locked: true });
        throw res;
      }
    },
    /** A wrong password: the address counts it; the account already did, in `admit`. */
    async failed(address: string): Promise<void> {
      await perAddress.penalty(address, 1);
    },
    async succeeded(address: string, username: string): Promise<void> {
      await perAccount.delete(account(username));
      await knownPairs.consume(pair(address, username));
    },
    /** An admin lifts the lock of an account. */
    async unlock(username: string): Promise<void> {
      await perAccount.delete(account(username));
    },
  };
}

export type LoginLimits = ReturnType<typeof loginLimits>;

/**
 * What residents may try without an account: wrong query codes per demand number (then only the
 * phone works — counted for any number, so the limit tells nothing about which numbers exist) and
 * verification codes sent per phone (each is an SMS). Wrong codes count where they come from: 5 a day
 * from one address, 30 a day for the number from everywhere — a stranger guessing from one address
 * does not shut the resident out, and 30 guesses of a six-digit code stay a 1-in-33,000 chance.
 */
export function residentLimits(client?: SqlClient) {
  const codeFailures = limiter(client, 'lookup_code', 30, 24 * 60 * 60);
  const codeFailuresHere = limiter(client, 'lookup_code_here', 5, 24 * 60 * 60);
  const codesPerPhone = limiter(client, 'sms_code', 5, 60 * 60);
  return {
    /**
     * Runs a lookup by number; lookups that carry a query code stop after 5 wrong ones for that number in a day from
     * the caller's address (30 from everywhere),
     * whatever else they carry (a made-up phone beside the code must not make a guess free). Each such lookup takes
     * a point first, in one atomic step, and a match gives it back: guesses sent at once are counted too.
     */
    async lookup<T>(input: { number: string; phone?: string; queryCode?: string }, address: string, find: () => Promise<T>): Promise<T> {
      const withCode = !!input.queryCode;
      const here = `${input.number}|${address}`;
      if (withCode) {
        try {
          await codeFailuresHere.consume(here);
          await codeFailures.consume(input.number).catch(async (res) => {
            await codeFailuresHere.reward(here, 1);
            throw res;
          });
        } catch (res) {
          if (!(res instanceof RateLimiterRes)) throw res;
          throw Object.assign(
            new AppError('rate_limited', {
              zh: '查询码错误次数过多，请改用受理时登记的手机号查询，或明天再试。',
              en: 'Too many wrong query codes for this number; look it up with the phone number you gave, or try again tomorrow.',
            }),
            { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) },
          );
        }
      }
      const found = await find();
      if (withCode) await Promise.all([codeFailures.reward(input.number, 1), codeFailuresHere.reward(here, 1)]);
      return found;
    },
    /** The database the counters live in (the public per-address limits share it). */
    client,
    /** Before sending a verification code: at most 5 an hour to one phone. */
    async sendCode(phoneKey: string): Promise<void> {
      try {
        await codesPerPhone.consume(phoneKey);
      } catch (res) {
        if (res instanceof RateLimiterRes) throw tooMany(res, { limit: 'phone' });
        throw res;
      }
    },
  };
}

export type ResidentLimits = ReturnType<typeof residentLimits>;
