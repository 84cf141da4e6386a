import type { MiddlewareHandler } from 'hono';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { SqlClient } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { clientAddress } from './caller.js';
import type { HttpEnv } from './env.js';
import { limiter } from './limiters.js';

const reading = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * Requests per client address per minute on a public endpoint group, counted in the database when
 * one is given (so several server processes share the budget). The limit is read on every request
 * (an admin may change it); 0 turns it off. A group counts its submissions (`writes`, the default);
 * the app counts all public page loads together (`reads`) against a far looser limit.
 */
export function rateLimit(
  limitPerMinute: () => number,
  opts: { name?: string; client?: SqlClient; counts?: 'reads' | 'writes' } = {},
): MiddlewareHandler<HttpEnv> {
  const byLimit = new Map<number, ReturnType<typeof limiter>>();
  const counted = opts.counts === 'reads' ? reading : (method: string) => !reading(method);
  return async (c, next) => {
    const limit = limitPerMinute();
    if (limit <= 0 || !counted(c.req.method)) return next();
    let store = byLimit.get(limit);
    if (!store) {
      store = limiter(opts.client, `public_${opts.name ?? 'default'}_${limit}`, limit, 60);
      byLimit.set(limit, store);
    }
    try {
      await store.consume(clientAddress(c));
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      c.header('Retry-After', String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))));
      throw new AppError('rate_limited', { details: { limitPerMinute: limit } });
    }
    return next();
  };
}

/** Texts with a code (verification, unlock) one address may ask for a minute: the smaller of 5 and the public limit (0: off). */
export const codesPerMinute = (limitPerMinute: () => number) => () => (limitPerMinute() === 0 ? 0 : Math.min(limitPerMinute(), 5));
