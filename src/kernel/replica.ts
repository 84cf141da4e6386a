import { sql } from 'drizzle-orm';
import type { AppContext } from './action.js';
import { queryRows } from './db.js';

/**
 * How current what the replica answers is: `now` when there is no replica or it has replayed all it has received;
 * else `now` less the time since the last transaction it replayed was committed (a replica that lags, or whose
 * replay is paused). Screens that read the replica say "数据截至" this time.
 */
export async function dataAsOf(app: AppContext, now: Date): Promise<Date> {
  if (!app.readDb) return now;
  // The lag on the replica's own clock, taken back from the app's: the two clocks need not agree.
  const [row] = await queryRows<{ behind: boolean; lagMs: number | string | null }>(
    app.readDb,
    sql`select coalesce(pg_last_wal_receive_lsn() <> pg_last_wal_replay_lsn(), false) as behind,
               (extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000)::float8 as "lagMs"`,
  );
  const lag = Number(row?.lagMs ?? 0);
  if (!row?.behind || !(lag > 0)) return now;
  return new Date(now.getTime() - lag);
}
