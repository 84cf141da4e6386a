import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { type UserActor, coversRegion, isAdmin } from '../../../kernel/index.js';
import { demands } from '../../demands/index.js';
import { getUnit } from '../../regions/index.js';
import { regions } from '../../regions/index.js';
import { eq } from 'drizzle-orm';
import { initiativeDemands, initiatives } from '../tables.js';

export type CreateInitiativeOptions = { actor: UserActor; title: string; topicLabel?: string | null; unitId: number; demandIds: number[] };

/** A supervisor promotes a topic (its demands) to an initiative owned by a unit. */
export async function createInitiative(ctx: AppContext, opts: CreateInitiativeOptions) {
  if (!opts.actor.grants.some((g) => g.role === 'supervisor' || g.role === 'admin')) throw new AppError('auth.forbidden');
  const unit = await getUnit(ctx.db, opts.unitId);
  if (!unit) throw new AppError('validation.reference', { zh: '承办单位不存在。', en: 'The unit does not exist.' });
  const ids = [...new Set(opts.demandIds)];
  return ctx.db.transaction(async (tx) => {
    const found = await tx.select({ id: demands.id, path: regions.path }).from(demands).innerJoin(regions, eq(regions.id, demands.regionId)).where(inArray(demands.id, ids));
    const visible = found.filter((d) => isAdmin(opts.actor) || coversRegion(opts.actor, 'supervisor', d.path));
    if (visible.length !== ids.length) {
      throw new AppError('validation.reference', { zh: '部分诉求不存在或不在您的督办范围内。', en: 'Some demands do not exist or are outside your region.', details: { missing: ids.filter((i) => !visible.some((v) => v.id === i)) } });
    }
    const [row] = await tx
      .insert(initiatives)
      .values({ title: opts.title, topicLabel: opts.topicLabel ?? null, unitId: unit.id, createdBy: opts.actor.userId, createdAt: ctx.now() })
      .returning();
    await tx.insert(initiativeDemands).values(ids.map((demandId) => ({ initiativeId: row.id, demandId })));
    return row;
  });
}
