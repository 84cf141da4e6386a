import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

/** Raw SQL results come back as `{ rows }` from both drivers. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
