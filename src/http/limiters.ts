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

/**
 * Sign-in throttling: per address (every try counts: a flood burns no CPU on hashing past the
 * limit) and per account (failures count; at the limit the account is locked until the window
 * ends or an admin unlocks it).
 */
export function loginLimits(client?: SqlClient) {
  const perAddress = limiter(client, 'login_addr', 30, 15 * 60);
  const perAccount = limiter(client, 'login_acct', 10, 15 * 60, 15 * 60);
  const account = (username: string) => username.trim().toLowerCase();
  return {
    /** Before checking a password: refuses (429) when the address or the account is over its limit. */
    async admit(address: string, username: string): Promise<void> {
      try {
        await perAddress.consume(address);
      } catch (res) {
        if (res instanceof RateLimiterRes) throw tooMany(res, { limit: 'address' });
        throw res;
      }
      const state = await perAccount.get(account(username));
      if (state && state.consumedPoints >= 10) throw tooMany(state, { limit: 'account', locked: true });
    },
    async failed(username: string): Promise<void> {
      await perAccount.penalty(account(username), 1);
    },
    async succeeded(username: string): Promise<void> {
      await perAccount.delete(account(username));
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
 * verification codes sent per phone (each is an SMS).
 */
export function residentLimits(client?: SqlClient) {
  const codeFailures = limiter(client, 'lookup_code', 5, 24 * 60 * 60);
  const codesPerPhone = limiter(client, 'sms_code', 5, 60 * 60);
  return {
    /** Runs a lookup by number; code-only lookups stop after 5 wrong codes for that number in a day. */
    async lookup<T>(input: { number: string; phone?: string; queryCode?: string }, find: () => Promise<T>): Promise<T> {
      const codeOnly = !input.phone && !!input.queryCode;
      if (codeOnly) {
        const state = await codeFailures.get(input.number);
        if (state && state.consumedPoints >= 5) {
          throw Object.assign(
            new AppError('rate_limited', {
              zh: '查询码错误次数过多，请改用受理时登记的手机号查询，或明天再试。',
              en: 'Too many wrong query codes for this number; look it up with the phone number you gave, or try again tomorrow.',
            }),
            { retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) },
          );
        }
      }
      try {
        return await find();
      } catch (err) {
        if (codeOnly && err instanceof AppError && err.code === 'demand.lookup_failed') await codeFailures.penalty(input.number, 1);
        throw err;
      }
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
