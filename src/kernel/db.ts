import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The database as the kernel and every module see it: the query builder over either driver,
 * without the schema of all the modules (nothing here uses Drizzle's relational queries), so that
 * the kernel's own types depend on no module. `src/db/client.ts` opens one and re-exports these.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Raw SQL results come back as `{ rows }` from both drivers. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
