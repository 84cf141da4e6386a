import type { Actor } from '../kernel/index.js';
import type { Locale } from '../lib/errors.js';

export type SessionInfo = { sessionId: string; csrfToken: string };

/** Per-request values set by the middleware. */
export type HttpEnv = {
  Variables: {
    actor: Actor | null;
    session: SessionInfo | null;
    locale: Locale;
    /** Keeps the caller known without the database while a long request of theirs runs; returns the release. */
    holdCaller: (() => () => void) | null;
    /** Set by hono's request-id middleware: in the X-Request-Id header, error bodies and error logs. */
    requestId: string;
  };
};
