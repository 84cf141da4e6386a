import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from './env.js';

/** How much of a body nobody read the server still takes in to keep the connection open: past it, it closes. */
export const maxDrainBytes = 64 * 1024 * 1024;

/**
 * A request answered without its body being read (refused before reading, or over the size limit)
 * still has that body on the wire. Read and dropped here, after the answer is ready and before it is
 * sent, so the client's keep-alive connection stays usable for its next request; a body past
 * `maxDrainBytes` is not worth reading, and the answer says `Connection: close` instead.
 */
export function drainUnreadBody(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    await next();
    if (!raw.body || raw.bodyUsed || raw.body.locked) return;
    const reader = raw.body.getReader();
    let read = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        read += value.byteLength;
        if (read > maxDrainBytes) break;
      }
    } catch {
      // The client went away: nothing left to keep open.
    }
    await reader.cancel().catch(() => {});
    c.res.headers.set('Connection', 'close');
  };
}
