import { type ActionContext, audit, organisesIn, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getRegion } from '../../regions/index.js';
import { appointmentProgrammes, type CoverageTarget, type PostKind } from '../tables.js';

export type ProgrammeInput = {
  name: string;
  regionId: number;
  postKind: PostKind;
  rules: string;
  duties: string[];
  targets: CoverageTarget[];
  termMonths: number;
};

/** 选聘办法: a programme of appointments in the caller's region, with its duties and dated coverage targets. */
export async function createProgramme(a: ActionContext, input: ProgrammeInput) {
  const actor = staffActor(a.actor);
  const region = await getRegion(a.tx, input.regionId);
  if (!region) throw new AppError('validation.reference', { details: { regionId: input.regionId } });
  if (!organisesIn(actor, region.path)) throw new AppError('auth.forbidden');
  const dates = input.targets.map((t) => t.by);
  if (dates.some((d, i) => i > 0 && d <= dates[i - 1])) {
    throw new AppError('request.invalid', { zh: '覆盖目标须按日期先后排列。', en: 'Coverage targets must be in date order.' });
  }
  const [row] = await a.tx
    .insert(appointmentProgrammes)
    .values({ ...input, regionId: region.id, createdBy: actor.userId, createdAt: a.now })
    .returning();
  await audit(a, {
    resource: 'appointment_programme',
    resourceId: row.id,
    action: 'create',
    regionPath: region.path,
    data: { name: row.name, targets: row.targets },
  });
  return row;
}
