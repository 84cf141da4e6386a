import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { UserActor } from '../kernel/index.js';
import { AppError } from '../lib/errors.js';
import type { HttpEnv } from './env.js';

// Who is calling, as routes ask it. Kept apart from the authenticating middleware, which needs the
// accounts module: routes of every module (accounts' own included) import this, not that.

export const sessionCookie = 'tj_session';

// After an admin's reset, these are all a user may do until the password is changed.
const allowedBeforePasswordChange = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

export function requireUser(c: Context<HttpEnv>): UserActor {
  const actor = c.get('actor');
  if (actor?.kind !== 'user') throw new AppError('auth.required');
  if (actor.mustChangePassword && !allowedBeforePasswordChange.has(c.req.path)) throw new AppError('auth.password_change_required');
  return actor;
}

/**
 * The calling address. Behind a proxy trusted with TINGJIAN_TRUST_PROXY=1 it is the last address in
 * X-Forwarded-For — the one the proxy saw and appended; earlier ones are whatever the client wrote. Otherwise
 * the socket's peer, and the header is ignored (anyone could write it).
 */
export function clientAddress(c: Context<HttpEnv>): string {
  if (process.env.TINGJIAN_TRUST_PROXY === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by the Node adapter (app.request in tests): one shared bucket.
    return 'unknown';
  }
}

/** Whether the browser reached us over HTTPS: directly, or through a proxy trusted with TINGJIAN_TRUST_PROXY=1. */
export function overHttps(c: Context<HttpEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return process.env.TINGJIAN_TRUST_PROXY === '1' && c.req.header('x-forwarded-proto') === 'https';
}

/**
 * For a long request (an upload that writes for minutes): the caller stays known without the database until the
 * returned release is called, so their polls of its progress are answered while it holds the embedded database.
 */
export function keepCallerKnown(c: Context<HttpEnv>): () => void {
  return c.get('holdCaller')?.() ?? (() => {});
}
