import pino from 'pino';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({ level, base: { app: 'tingjian' } });
}

/** For tests and one-shot commands: errors only. */
export const quietLogger = () => pino({ level: process.env.LOG_LEVEL ?? 'error' });
