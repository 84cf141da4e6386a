import type { ActionContext } from '../../../kernel/index.js';
import type { Channel, DemandRow } from '../tables.js';
import { type RegisterDemandOptions, type RegisterDemandResult, registerDemand } from './register-demand.js';

/** Where a channel keeps its side of the demand (the reception day's entry, the course's, Open311's request, the call). */
export type DemandLink = (a: ActionContext, demand: DemandRow) => Promise<unknown>;

/**
 * 受理 from a channel other than the desk's own form: the one way every channel (reception days,
 * courses, Open311, the city's 12345, SMS, a ringing call) takes a demand in. The demand, its
 * `demand.registered` event (which automatic dispatch follows), the receipt and the channel's link
 * commit together; a replay with the same idempotency key finds the first demand and links nothing.
 */
export async function registerDemandFrom(
  a: ActionContext,
  source: Channel,
  demand: Omit<RegisterDemandOptions, 'channel'>,
  link?: DemandLink,
): Promise<RegisterDemandResult> {
  const result = await registerDemand(a, { ...demand, channel: source });
  if (result.created && link) await link(a, result.demand);
  return result;
}
