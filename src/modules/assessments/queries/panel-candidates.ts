import { and, asc, isNotNull, isNull } from 'drizzle-orm';
import type { Actor, Reader } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { userRoles, users } from '../../accounts/tables.js';
import { units } from '../../regions/index.js';
import { partMay } from '../policy.js';
import { loadAssessment } from '../store.js';

/**
 * Staff an organiser may seat on the round's panel, with the units each handles for: those are the units the member
 * will never be given to assess, so the page can say so before the panel is set.
 */
export async function panelCandidates(db: Reader, actor: Actor, assessmentId: number) {
  const a = await loadAssessment(db, actor, assessmentId);
  if (!partMay('setup', a.parts)) throw new AppError('auth.forbidden');
  const people = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.id));
  const handled = await db
    .select({ userId: userRoles.userId, unitId: userRoles.unitId })
    .from(userRoles)
    .where(and(isNotNull(userRoles.unitId)));
  const unitName = new Map((await db.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]));
  return people.map((p) => ({
    userId: p.id,
    name: p.name,
    units: handled.filter((h) => h.userId === p.id).map((h) => ({ id: h.unitId!, name: unitName.get(h.unitId!) ?? '' })),
  }));
}
