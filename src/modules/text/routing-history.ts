import { compactDeltas } from '../../db/compact-deltas.js';
import type { AppContext, JobQueue } from '../../kernel/index.js';

/** The routing history behind a unit suggestion, a row per dispatch and return (migration 0043), compacted. */
export const compactRoutingHistory = (app: Pick<AppContext, 'db'>) =>
  compactDeltas(app.db, { name: 'unit_category_history', keys: ['unit_id', 'category_id'], sums: ['dispatched', 'returned'] });

/** Every minute, in one process at a time. */
export async function scheduleRoutingHistoryCompaction(app: AppContext, jobs: JobQueue): Promise<void> {
  await jobs.every('compact-routing-history', '* * * * *', () => compactRoutingHistory(app));
}
