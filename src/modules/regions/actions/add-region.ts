import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { createRegion } from '../store.js';
import type { RegionLevel } from '../tables.js';

/** Admin: a region under its parent (district → township → community → grid). */
export async function addRegion(a: ActionContext, input: { parentId: number | null; level: RegionLevel; name: string; code: string }) {
  requireAdmin(a.actor);
  const region = await createRegion(a.tx, input);
  await audit(a, { resource: 'region', resourceId: region.id, action: 'create', regionPath: region.path, data: input });
  await announceChange(a, 'references');
  return region;
}
