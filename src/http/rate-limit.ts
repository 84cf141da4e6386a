import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/errors.js';
import type { HttpEnv } from './env.js';

/**
 * A fixed-window limit per client address for the public endpoints. In memory: one server
 * process per installation; a cluster would put this in front (or in the database).
 */
export function rateLimit(limitPerMinute: () => number): MiddlewareHandler<HttpEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const limit = limitPerMinute();
    if (limit <= 0) return next();
    let key = 'unknown';
    try {
      key = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // Not served by the Node adapter (e.g. app.request in tests): one shared bucket.
    }
    const now = Date.now();
    const w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(key, { start: now, count: 1 });
    } else if (++w.count > limit) {
      c.header('Retry-After', String(Math.ceil((w.start + 60_000 - now) / 1000)));
      throw new AppError('rate_limited', { details: { limitPerMinute: limit } });
    }
    return next();
  };
}
