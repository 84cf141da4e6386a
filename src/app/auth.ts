import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/client.js';
import type { ActorCache } from '../http/actor-cache.js';
import { sessionCookie } from '../http/caller.js';
import type { HttpEnv } from '../http/env.js';
import { AppError, pickLocale } from '../lib/errors.js';
import { findSession, findTokenUser, loadActor } from '../modules/accounts/index.js';

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
    c.set('holdCaller', null);
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
      c.set('holdCaller', () => cache.hold(`b:${token}`));
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
        c.set('holdCaller', () => cache.hold(`s:${sessionId}`));
      }
    }
    return next();
  };
}
