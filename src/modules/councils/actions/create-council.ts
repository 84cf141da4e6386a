import { type ActionContext, audit, organisesIn } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getRegion } from '../../regions/index.js';
import { councilSeats, councils, type Party } from '../tables.js';

export type SeatInput = {
  party: Party;
  holderName: string;
  userId?: number | null;
  phone?: string | null;
  position?: 'chair' | 'secretary' | 'member';
  termStart: string;
  termEnd: string;
};
export type CreateCouncilOptions = {
  regionId: number;
  name: string;
  quorumPercent?: number;
  voteRule?: 'majority_present' | 'majority_seats' | 'two_thirds_present';
  seats: SeatInput[];
};

/** 四方议事会: a community's council with its seats (party organisation, residents' committee, owners' committee, property company, residents). */
export async function createCouncil(a: ActionContext, opts: CreateCouncilOptions) {
  const region = await getRegion(a.tx, opts.regionId);
  if (!region) throw new AppError('validation.reference', { details: { regionId: opts.regionId } });
  if (!organisesIn(a.actor, region.path)) throw new AppError('auth.forbidden');
  if (opts.seats.some((s) => s.termEnd < s.termStart)) {
    throw new AppError('request.invalid', { zh: '任期结束日期不能早于开始日期。', en: 'A term cannot end before it starts.' });
  }
  const [council] = await a.tx
    .insert(councils)
    .values({
      regionId: region.id,
      name: opts.name,
      quorumPercent: opts.quorumPercent ?? 50,
      voteRule: opts.voteRule ?? 'majority_present',
      createdAt: a.now,
    })
    .returning();
  const seats = await a.tx
    .insert(councilSeats)
    .values(opts.seats.map((s) => ({ ...s, councilId: council.id })))
    .returning();
  await audit(a, {
    resource: 'council',
    resourceId: council.id,
    action: 'create',
    regionPath: region.path,
    data: { name: council.name, seats: seats.length, voteRule: council.voteRule, quorumPercent: council.quorumPercent },
  });
  return { council, seats };
}
