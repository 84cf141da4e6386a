import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/client.js';
import type { UserActor } from '../kernel/index.js';
import { AppError, pickLocale } from '../lib/errors.js';
import { findSession, findTokenUser, loadActor } from '../modules/accounts/index.js';
import type { ActorCache } from './actor-cache.js';
import type { HttpEnv } from './env.js';

export const sessionCookie = 'tj_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Who is calling: a bearer token (integrations) or a session cookie (people). A cookie alone
 * never authorises a change: unsafe methods must echo the session's CSRF token in a header,
 * which another site's page cannot read.
 */
export function authenticate(db: Db, cache: ActorCache): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    c.set('locale', pickLocale(c.req.header('accept-language')));
    c.set('actor', null);
    c.set('session', null);
    const authorization = c.req.header('authorization');
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice(7).trim();
      let actor = cache.get(`b:${token}`)?.actor ?? null;
      if (!actor) {
        const userId = await findTokenUser(db, token);
        actor = userId ? await loadActor(db, userId) : null;
        if (actor) cache.set(`b:${token}`, actor);
      }
      if (!actor) throw new AppError('auth.required', { zh: '访问令牌无效或已吊销。', en: 'The access token is invalid or revoked.' });
      c.set('actor', actor);
      return next();
    }
    const sessionId = getCookie(c, sessionCookie);
    if (sessionId) {
      let hit = cache.get(`s:${sessionId}`);
      if (!hit) {
        const session = await findSession(db, sessionId);
        const actor = session ? await loadActor(db, session.userId) : null;
        if (session && actor) {
          cache.set(`s:${sessionId}`, actor, session.csrfToken);
          hit = { actor, csrfToken: session.csrfToken };
        }
      }
      if (hit) {
        if (unsafeMethods.has(c.req.method) && c.req.header('x-csrf-token') !== hit.csrfToken) {
          throw new AppError('auth.csrf');
        }
        c.set('actor', hit.actor);
        c.set('session', { sessionId, csrfToken: hit.csrfToken ?? '' });
      }
    }
    return next();
  };
}

// After an admin's reset, these are all a user may do until the password is changed.
const allowedBeforePasswordChange = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

export function requireUser(c: Context<HttpEnv>): UserActor {
  const actor = c.get('actor');
  if (actor?.kind !== 'user') throw new AppError('auth.required');
  if (actor.mustChangePassword && !allowedBeforePasswordChange.has(c.req.path)) throw new AppError('auth.password_change_required');
  return actor;
}

/** The calling address (the socket's peer; a trusted proxy's header is not read here). */
export function clientAddress(c: Context<HttpEnv>): string {
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
