import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import { type UserActor, organisesIn } from '../../accounts/actor.js';
import { getRegion } from '../../regions/store.js';
import { councilSeats, councils, type Party } from '../tables.js';

export type SeatInput = { party: Party; holderName: string; userId?: number | null; position?: 'chair' | 'secretary' | 'member'; termStart: string; termEnd: string };
export type CreateCouncilOptions = { actor: UserActor; regionId: number; name: string; quorumPercent?: number; voteRule?: 'majority_present' | 'majority_seats' | 'two_thirds_present'; seats: SeatInput[] };

/** 四方议事会: a community's council with its seats (party organisation, residents' committee, owners' committee, property company, residents). */
export async function createCouncil(ctx: AppContext, opts: CreateCouncilOptions) {
  const region = await getRegion(ctx.db, opts.regionId);
  if (!region) throw new AppError('validation.reference', { details: { regionId: opts.regionId } });
  if (!organisesIn(opts.actor, region.path)) throw new AppError('auth.forbidden');
  if (opts.seats.some((s) => s.termEnd < s.termStart)) throw new AppError('request.invalid', { zh: '任期结束日期不能早于开始日期。', en: 'A term cannot end before it starts.' });
  return ctx.db.transaction(async (tx) => {
    const [council] = await tx.insert(councils).values({ regionId: region.id, name: opts.name, quorumPercent: opts.quorumPercent ?? 50, voteRule: opts.voteRule ?? 'majority_present', createdAt: ctx.now() }).returning();
    const seats = await tx.insert(councilSeats).values(opts.seats.map((s) => ({ ...s, councilId: council.id }))).returning();
    return { council, seats };
  });
}
