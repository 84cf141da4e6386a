/** The SQLSTATE of a database error, from either driver (directly or as the cause of a query error). */
export const pgCode = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
};

/**
 * What of an unexpected error may be written to the log: the statement and how many parameters it
 * had, never their values (phones, names, hashes, uploaded files), and the database's own message.
 */
export function loggable(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 200) };
  const e = err as Error & { query?: string; params?: unknown[]; cause?: unknown };
  const cause = e.cause instanceof Error ? { message: e.cause.message.split('\n')[0], code: pgCode(e.cause) } : undefined;
  if (typeof e.query === 'string') {
    return { type: e.name, query: e.query.slice(0, 2000), paramCount: Array.isArray(e.params) ? e.params.length : 0, cause };
  }
  return {
    type: e.name,
    message: e.message.split('\nparams:')[0].slice(0, 500),
    stack: e.stack?.split('\n').slice(1, 6).join('\n'),
    cause,
  };
}
