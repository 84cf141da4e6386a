import { eq } from 'drizzle-orm';
import type { Reader } from '../../kernel/index.js';
import { type DemandRow, type DemandState, demands } from './tables.js';

/** States in which a demand's resident has had an answer. */
export const answeredStates: readonly DemandState[] = ['replied', 'callback_done', 'closed'];

/** The demand a merged one now lives in, following a chain of merges (at most ten hops). */
export async function survivingDemand(db: Reader, mergedIntoId: number): Promise<DemandRow | null> {
  let current = mergedIntoId;
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await db.select().from(demands).where(eq(demands.id, current));
    if (!row) return null;
    if (row.state !== 'merged' || !row.mergedIntoId) return row;
    current = row.mergedIntoId;
  }
  return null;
}
