import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { SqlClient } from '../db/client.js';
import { AppError } from '../lib/errors.js';

type Store = RateLimiterPostgres | RateLimiterMemory;

/** One limit: a number of points per window, kept in the database when one is given (shared by every process). */
function limiter(client: SqlClient | undefined, keyPrefix: string, points: number, duration: number, blockDuration = 0): Store {
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
