import { eq } from 'drizzle-orm';
import { type Actor, organisesIn, type Reader } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { regionOf } from '../regions/index.js';
import { courses, trainingPlans } from './tables.js';

/** A course with its region's path; staff outside its region get 404. Locks the row when asked (places are counted under it). */
export async function loadCourse(db: Reader, actor: Actor, id: number, opts: { lock?: boolean; staff?: boolean } = {}) {
  const region = regionOf(courses.regionId);
  const q = db.select({ c: courses, path: region.path, region: region.name }).from(courses).where(eq(courses.id, id));
  const [row] = opts.lock ? await q.for('update', { of: courses }) : await q;
  if (!row) throw new AppError('not_found', { details: { courseId: id } });
  if (opts.staff && actor.kind !== 'system' && !organisesIn(actor, row.path))
    throw new AppError('not_found', { details: { courseId: id } });
  return { ...row.c, regionPath: row.path, regionName: row.region };
}

export async function loadPlan(db: Reader, actor: Actor, id: number) {
  const [row] = await db
    .select({ p: trainingPlans, path: regionOf(trainingPlans.regionId).path })
    .from(trainingPlans)
    .where(eq(trainingPlans.id, id));
  if (!row || !organisesIn(actor, row.path)) throw new AppError('not_found', { details: { planId: id } });
  return { ...row.p, regionPath: row.path };
}
