import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { type Actor, handlesUnit, hasRole, isAdmin, type Reader, staffActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { demandHeadlines } from '../demands/index.js';
import type { Member } from './recipients.js';
import { initiativeDemands, initiatives } from './tables.js';

/**
 * The initiative for an action on it: outsiders get "not found". Supervisors and admins may act;
 * the owning unit's handlers may answer.
 */
export async function loadInitiative(tx: Tx, actor: Actor, id: number, opts: { unitMayAct: boolean }) {
  const staff = staffActor(actor);
  const [initiative] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).for('update');
  if (!initiative) throw new AppError('not_found');
  const supervisor = hasRole(staff, 'supervisor');
  const unit = opts.unitMayAct && handlesUnit(staff, initiative.unitId);
  if (!isAdmin(staff) && !supervisor && !unit) throw new AppError('not_found');
  return initiative;
}

export async function membersOf(
  db: Reader,
  initiativeId: number,
): Promise<(Member & { number: string; title: string; removeReason: string | null })[]> {
  const links = await db
    .select({ demandId: initiativeDemands.demandId, removedAt: initiativeDemands.removedAt, removeReason: initiativeDemands.removeReason })
    .from(initiativeDemands)
    .where(eq(initiativeDemands.initiativeId, initiativeId));
  const byDemand = new Map(links.map((l) => [l.demandId, l]));
  const rows = await demandHeadlines(
    db,
    links.map((l) => l.demandId),
  );
  return rows.map(({ id, ...d }) => {
    const { removedAt, removeReason } = byDemand.get(id)!;
    return { demandId: id, ...d, removeReason, removed: removedAt !== null };
  });
}
