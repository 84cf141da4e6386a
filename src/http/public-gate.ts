import type { MiddlewareHandler } from 'hono';
import { redactTree } from '../lib/redact-tree.js';
import type { HttpEnv } from './env.js';

/**
 * The public redaction gate: every answer of an operation that needs no staff credential leaves through here,
 * its JSON walked and every free-text string redacted (see `redactTree`), errors included. The router puts it
 * in front of each such operation (see `newRouter`), so no route has to remember it.
 */
export const publicGate: MiddlewareHandler<HttpEnv> = async (c, next) => {
  await next();
  const type = c.res.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return;
  const text = await c.res.text();
  const body = text ? JSON.stringify(redactTree(JSON.parse(text))) : text;
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  const { status, statusText } = c.res;
  // Cleared first: hono copies the old answer's headers onto a new one, and the old length would be wrong.
  c.res = undefined;
  c.res = new Response(body, { status, statusText, headers });
};

/** An operation is public when it declares no security requirement (or an empty one). */
export const isPublicOperation = (route: { security?: unknown[] }) => !route.security || route.security.length === 0;
