import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobQueue } from '../kernel/jobs.js';
import { loggable } from '../lib/loggable.js';
import type { Database } from './client.js';

/**
 * The job queue on the application's own database (pg-boss, in its schema `pgboss`): on a server
 * every process polls it and each job goes to one of them; on the embedded database the one process
 * does. Handlers' failures are logged and retried by pg-boss; the queue's own errors are logged.
 */
export async function startJobQueue(
  database: Database,
  log: Logger,
  opts: { pollingSeconds?: number; startDelaySeconds?: number } = {},
): Promise<JobQueue> {
  let stopped = false;
  const db: PgBoss.Db = {
    executeSql: async (text, values) => {
      // A handler still running when the process stops reports back after the database closed: nothing to record.
      // pg-boss reads a count off the first row of what completing or failing a job returns (an empty answer threw
      // in the stopping process: seen after bench:load's SIGTERM).
      if (stopped) return { rows: [{ count: 0 }] };
      if (database.pglite && !values?.length) {
        // Plain statements may come several at once (pg-boss's own schema): PGlite runs those through exec.
        const results = await database.pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return (await database.sqlClient.query({ text, values })) as { rows: unknown[] };
    },
  };
  const boss = new PgBoss({ db, schema: 'pgboss', cronMonitorIntervalSeconds: 30, cronWorkerIntervalSeconds: 5 });
  boss.on('error', (err: unknown) => log.error({ err: loggable(err) }, 'job queue error'));
  await boss.start();
  const pollingIntervalSeconds = opts.pollingSeconds ?? 2;
  const startDelaySeconds = opts.startDelaySeconds ?? 10;
  const queues = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    // Stately: at most one waiting and one running job of each kind, whichever process asked.
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'stately', retryLimit: 2, retryDelay: 30 });
    queues.add(name);
  };
  const work = async (name: string, handler: () => Promise<unknown>) => {
    await ensureQueue(name);
    await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async () => {
      const t0 = Date.now();
      try {
        await handler();
        log.debug({ job: name, ms: Date.now() - t0 }, 'job done');
      } catch (err) {
        log.error({ err: loggable(err), job: name }, 'job failed');
        throw err;
      }
    });
  };
  const request = async (name: string, startAfter?: number) => {
    await ensureQueue(name);
    await boss.send(name, {}, startAfter ? { startAfter } : {});
  };
  return {
    work,
    request,
    every: async (name, cron, handler, { atStart = true } = {}) => {
      await work(name, handler);
      await boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' });
      // The first run waits a little: a process just started reads its model and serves its first
      // requests before it groups topics or rolls up days.
      if (atStart) await request(name, startDelaySeconds);
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
      stopped = true;
    },
  };
}
