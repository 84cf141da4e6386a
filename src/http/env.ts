import type { Actor } from '../kernel/index.js';
import type { Locale } from '../lib/errors.js';

export type SessionInfo = { sessionId: string; csrfToken: string };

/** Per-request values set by the middleware. */
export type HttpEnv = {
  Variables: {
    actor: Actor | null;
    session: SessionInfo | null;
    locale: Locale;
  };
};
