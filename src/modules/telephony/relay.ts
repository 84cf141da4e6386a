import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { loggable } from '../../lib/loggable.js';
import { markRelayed, ring } from './ringing.js';
import { calls } from './tables.js';

/** The PostgreSQL channel an incoming call is announced on; the payload is the call's row id only. */
export const callChannel = 'tingjian_calls';

/**
 * This process rings the calls any process on the database took (recordCall's NOTIFY, sent when
 * its transaction commits): an operator's console rings whichever app process it is connected to.
 * The number is read from the row, so the notice itself carries nothing personal. Resolves to the
 * unsubscriber.
 */
export async function listenForCalls(database: Database, log?: { warn(o: object, m: string): void }): Promise<() => Promise<void>> {
  const unlisten = await database.listen(callChannel, (payload) => {
    const id = Number(payload);
    if (!Number.isSafeInteger(id)) return;
    void database.db
      .select()
      .from(calls)
      .where(eq(calls.id, id))
      .then(([call]) => {
        if (call) ring(database.db, { callId: call.callId, phone: call.phone, line: call.line, at: call.receivedAt.toISOString() });
      })
      .catch((err) => log?.warn({ err: loggable(err) }, 'could not ring a relayed call'));
  });
  markRelayed(database.db, true);
  return async () => {
    markRelayed(database.db, false);
    await unlisten();
  };
}
