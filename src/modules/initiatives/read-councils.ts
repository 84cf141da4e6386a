import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { initiatives } from './tables.js';

/** Whether an initiative with this id exists, whoever may see it: what a council's action item may link to. */
export async function initiativeExists(db: Db | Tx, id: number): Promise<boolean> {
  return (await db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, id))).length > 0;
}
