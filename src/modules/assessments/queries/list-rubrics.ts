import { desc } from 'drizzle-orm';
import { type Actor, hasRole, isAdmin, type Reader } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { assessmentRubrics } from '../tables.js';

/** Rubrics an organiser may start a round on: the newest version of each name first, older versions after it. */
export async function listRubrics(db: Reader, actor: Actor) {
  if (actor.kind !== 'user' || (!isAdmin(actor) && !hasRole(actor, 'operator') && !hasRole(actor, 'supervisor')))
    throw new AppError('auth.forbidden');
  const rows = await db.select().from(assessmentRubrics).orderBy(assessmentRubrics.name, desc(assessmentRubrics.version));
  return rows.map((r) => ({ id: r.id, name: r.name, version: r.version, aspects: r.aspects, createdAt: r.createdAt.toISOString() }));
}
