import { type ActionContext, audit } from '../../../kernel/index.js';
import { type RegisterDemandOptions, type RegisterDemandResult, registerDemandFrom } from '../../demands/index.js';
import { loadReceptionDay } from '../store.js';
import { receptionEntries } from '../tables.js';

export type RecordReceptionEntryOptions = Omit<RegisterDemandOptions, 'channel'> & { receptionDayId: number; idempotencyKey: string };

/**
 * One resident's demand taken at the table: a demand on the "reception day" channel, linked to
 * the session in the same transaction. The tablet may send it twice (a dropped answer, a queue
 * replayed after the network returns): the idempotency key makes the second send find the first.
 */
export async function recordReceptionEntry(a: ActionContext, opts: RecordReceptionEntryOptions): Promise<RegisterDemandResult> {
  const session = await loadReceptionDay(a.tx, a.actor, opts.receptionDayId);
  const { receptionDayId, ...demand } = opts;
  const result = await registerDemandFrom(a, 'reception_day', demand, (l, d) =>
    l.tx.insert(receptionEntries).values({ receptionDayId, demandId: d.id }),
  );
  if (!result.created) return result;
  await audit(a, {
    resource: 'reception_day',
    resourceId: session.id,
    action: 'record_entry',
    regionPath: session.regionPath,
    data: { demandId: result.demand.id, number: result.demand.number },
  });
  return result;
}
