import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/errors.js';
import { verifySignature } from '../lib/signature.js';
import type { HttpEnv } from './env.js';

/**
 * For endpoints other systems call (the SMS provider, the city's 12345): the raw body must carry
 * a valid X-Tingjian-Signature made with the shared secret; without a configured secret, nothing
 * gets in. Checked on the wall clock: the timestamp is about transport.
 */
export function requireSignature(secret: string | undefined): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const raw = await c.req.text();
    const ok =
      !!secret && verifySignature(secret, raw, c.req.header('x-tingjian-timestamp'), c.req.header('x-tingjian-signature'), new Date());
    if (!ok) throw new AppError('interop.bad_signature');
    await next();
  };
}
