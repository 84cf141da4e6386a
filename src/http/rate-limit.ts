import type { MiddlewareHandler } from 'hono';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { SqlClient } from '../db/client.js';
import { AppError } from '../lib/errors.js';
import { clientAddress } from './caller.js';
import type { HttpEnv } from './env.js';
import { limiter } from './limiters.js';

/**
 * Requests per client address per minute on a public endpoint group, counted in the database when
 * one is given (so several server processes share the budget). The limit is read on every request
 * (an admin may change it); 0 turns it off.
 */
export function rateLimit(limitPerMinute: () => number, opts: { name?: string; client?: SqlClient } = {}): MiddlewareHandler<HttpEnv> {
  const byLimit = new Map<number, ReturnType<typeof limiter>>();
  return async (c, next) => {
    const limit = limitPerMinute();
    if (limit <= 0) return next();
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
