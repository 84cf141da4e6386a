import { cacheChannel, deliverCacheNotice } from '../kernel/index.js';
import type { Database } from './client.js';

/**
 * This process hears what any process on the database announced (announceChange) and drops the
 * caches kept for its handle. Resolves to the unsubscriber.
 */
export function listenForCacheNotices(database: Database): Promise<() => Promise<void>> {
  return database.listen(cacheChannel, (payload) => deliverCacheNotice(database.db, payload));
}
