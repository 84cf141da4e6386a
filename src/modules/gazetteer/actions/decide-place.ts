import { eq } from 'drizzle-orm';
import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { invalidatePlacer } from '../cache.js';
import { namedPlaces } from '../tables.js';

/** Admin: a learned candidate confirmed (it places demands from now on) or rejected (never proposed again). */
export async function decidePlace(a: ActionContext, input: { id: number; decision: 'confirm' | 'reject' }) {
  requireAdmin(a.actor);
  const [place] = await a.tx.select().from(namedPlaces).where(eq(namedPlaces.id, input.id)).for('update');
  if (!place) throw new AppError('not_found');
  if (place.state !== 'candidate')
    throw new AppError('conflict.stale', { zh: `地名“${place.name}”已处理过，请刷新。`, en: 'This place was already decided.' });
  const state = input.decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const);
  await a.tx.update(namedPlaces).set({ state }).where(eq(namedPlaces.id, place.id));
  await audit(a, {
    resource: 'named_place',
    resourceId: place.id,
    action: input.decision,
    data: { name: place.name, regionId: place.regionId },
  });
  if (state === 'confirmed') {
    await announceChange(a, 'references');
    a.afterCommit(() => invalidatePlacer(a.app.db));
  }
  return { ...place, state };
}
