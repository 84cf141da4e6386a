import { eq } from 'drizzle-orm';
import { type Actor, organisesIn, type Reader } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { regionOf } from '../regions/index.js';
import { proposals } from './tables.js';

/** A proposal its caller organises (404 otherwise), locked for the change, with its region's path. */
export async function loadProposalForChange(db: Reader, actor: Actor, id: number) {
  const [row] = await db
    .select({ p: proposals, path: regionOf(proposals.regionId).path })
    .from(proposals)
    .where(eq(proposals.id, id))
    .for('update', { of: proposals });
  if (!row || !organisesIn(actor, row.path)) throw new AppError('not_found', { details: { proposalId: id } });
  return { ...row.p, regionPath: row.path };
}
