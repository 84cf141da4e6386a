/**
 * Background work shared by every process on one database: a job asked for twice while it waits
 * is one job, and each job runs in one process. Implemented over pg-boss (src/db/job-queue.ts);
 * modules see only this.
 */
export type JobQueue = {
  /**
   * Runs the job's handler on a cron schedule (minute granularity) and, unless `atStart` is false,
   * once some seconds after start.
   */
  every(name: string, cron: string, handler: () => Promise<unknown>, opts?: { atStart?: boolean }): Promise<void>;
  /** Handles a job that is asked for with `request`. */
  work(name: string, handler: () => Promise<unknown>): Promise<void>;
  /** Asks for a job; while one is waiting, asking again changes nothing. */
  request(name: string): Promise<void>;
  stop(): Promise<void>;
};
