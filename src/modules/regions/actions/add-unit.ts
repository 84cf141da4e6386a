import { type ActionContext, audit, requireAdmin } from '../../../kernel/index.js';
import { createUnit } from '../store.js';
import type { UnitKind } from '../tables.js';

export type AddUnitInput = { name: string; kind: UnitKind; homeRegionId?: number | null; regionIds?: number[]; categoryIds?: number[] };

/** Admin: a handling unit (承办单位) with the regions and matter categories it owns. */
export async function addUnit(a: ActionContext, input: AddUnitInput) {
  requireAdmin(a.actor);
  const unit = await createUnit(a.tx, input);
  await audit(a, { resource: 'unit', resourceId: unit.id, action: 'create', data: input });
  return unit;
}
