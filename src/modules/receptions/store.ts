import { eq } from 'drizzle-orm';
import { type Actor, organisesIn, type Reader } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { regionOf } from '../regions/index.js';
import { receptionDays } from './tables.js';

/** A session its caller organises (404 otherwise, as if it did not exist), with its region's path. */
export async function loadReceptionDay(db: Reader, actor: Actor, id: number) {
  const [row] = await db
    .select({ r: receptionDays, path: regionOf(receptionDays.regionId).path })
    .from(receptionDays)
    .where(eq(receptionDays.id, id));
  if (!row || !organisesIn(actor, row.path)) throw new AppError('not_found', { details: { receptionDayId: id } });
  return { ...row.r, regionPath: row.path };
}
