import { randomBytes } from 'node:crypto';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { type RegisterDemandOptions, registerDemand } from '../../demands/index.js';
import { open311Requests } from '../tables.js';

export type SubmitRequestInput = {
  keyId: number;
  keyName: string;
  demand: Omit<RegisterDemandOptions, 'channel'>;
  mediaUrl: string | null;
  addressId: string | null;
};

/** POST requests: the demand (channel "api") and the record of which key posted it, in one transaction. */
export async function submitOpen311Request(a: ActionContext, input: SubmitRequestInput) {
  const { demand } = await registerDemand(a, { ...input.demand, channel: 'api' });
  const token = randomBytes(12).toString('hex');
  const [row] = await a.tx
    .insert(open311Requests)
    .values({ keyId: input.keyId, demandId: demand.id, token, mediaUrl: input.mediaUrl, addressId: input.addressId, createdAt: a.now })
    .returning();
  await audit(a, { resource: 'open311_request', resourceId: row.id, action: 'submit', data: { keyId: input.keyId, demandId: demand.id } });
  return { number: demand.number, token, regionId: demand.regionId };
}
