import type { AppContext } from '../../../kernel/index.js';
import { cappedByCity, stageDeadline } from '../store.js';
import type { DemandRow } from '../tables.js';

/**
 * What a caller is told at intake: the reply's deadline once set, else the latest it would fall due — the demand
 * dispatched at its dispatch deadline, on the terms it has now. Not the dispatch deadline itself, hours away.
 */
export async function expectedReplyBy(app: AppContext, demand: DemandRow): Promise<Date | null> {
  if (demand.replyDueAt) return demand.replyDueAt;
  if (!demand.stageDueAt) return null;
  return cappedByCity(demand, await stageDeadline(app, app.db, 'reply', demand, demand.stageDueAt));
}
