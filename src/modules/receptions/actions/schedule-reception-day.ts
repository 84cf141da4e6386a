import { type ActionContext, audit, organisesIn, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getRegion } from '../../regions/index.js';
import { receptionDays } from '../tables.js';

export type ScheduleReceptionDayOptions = { title: string; regionId: number; hosts: string; place: string; startsAt: Date; endsAt: Date };

/** 接待日: a session where officials "set up a table and listen" (摆桌子听意见). */
export async function scheduleReceptionDay(a: ActionContext, opts: ScheduleReceptionDayOptions) {
  const region = await getRegion(a.tx, opts.regionId);
  if (!region) throw new AppError('validation.reference', { details: { regionId: opts.regionId } });
  if (!organisesIn(a.actor, region.path)) throw new AppError('auth.forbidden');
  if (opts.endsAt <= opts.startsAt)
    throw new AppError('request.invalid', { zh: '结束时间须晚于开始时间。', en: 'The end must come after the start.' });
  const [row] = await a.tx
    .insert(receptionDays)
    .values({ ...opts, createdBy: staffActor(a.actor).userId, createdAt: a.now })
    .returning();
  await audit(a, {
    resource: 'reception_day',
    resourceId: row.id,
    action: 'schedule',
    regionPath: region.path,
    data: { title: row.title, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
  });
  return row;
}
