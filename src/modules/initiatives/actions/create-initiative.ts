import { type ActionContext, audit, coversRegion, hasAnyRole, isAdmin, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { demandRegionPaths } from '../../demands/index.js';
import { getUnit } from '../../regions/index.js';
import { initiativeDemands, initiatives } from '../tables.js';

export type CreateInitiativeOptions = { title: string; topicLabel?: string | null; unitId: number; demandIds: number[] };

/** A supervisor promotes a topic (its demands) to an initiative owned by a unit. */
export async function createInitiative(a: ActionContext, opts: CreateInitiativeOptions) {
  const actor = staffActor(a.actor);
  if (!hasAnyRole(actor, ['supervisor', 'admin'])) throw new AppError('auth.forbidden');
  const unit = await getUnit(a.tx, opts.unitId);
  if (!unit) throw new AppError('validation.reference', { zh: '承办单位不存在。', en: 'The unit does not exist.' });
  const ids = [...new Set(opts.demandIds)];
  const found = await demandRegionPaths(a.tx, ids);
  const visible = found.filter((d) => isAdmin(actor) || coversRegion(actor, 'supervisor', d.path));
  if (visible.length !== ids.length) {
    throw new AppError('validation.reference', {
      zh: '部分诉求不存在或不在您的督办范围内。',
      en: 'Some demands do not exist or are outside your region.',
      details: { missing: ids.filter((i) => !visible.some((v) => v.id === i)) },
    });
  }
  const [row] = await a.tx
    .insert(initiatives)
    .values({ title: opts.title, topicLabel: opts.topicLabel ?? null, unitId: unit.id, createdBy: actor.userId, createdAt: a.now })
    .returning();
  await a.tx.insert(initiativeDemands).values(ids.map((demandId) => ({ initiativeId: row.id, demandId })));
  await audit(a, {
    resource: 'initiative',
    resourceId: row.id,
    action: 'create',
    data: { title: row.title, unitId: unit.id, demandIds: ids },
  });
  return row;
}
