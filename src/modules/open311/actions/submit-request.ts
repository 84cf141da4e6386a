import { randomBytes } from 'node:crypto';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { type RegisterDemandOptions, registerDemandFrom } from '../../demands/index.js';
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
  const token = randomBytes(12).toString('hex');
  let requestId = 0;
  const { demand } = await registerDemandFrom(a, 'api', input.demand, async (l, d) => {
    const [row] = await l.tx
      .insert(open311Requests)
      .values({ keyId: input.keyId, demandId: d.id, token, mediaUrl: input.mediaUrl, addressId: input.addressId, createdAt: l.now })
      .returning({ id: open311Requests.id });
    requestId = row.id;
  });
  await audit(a, {
    resource: 'open311_request',
    resourceId: requestId,
    action: 'submit',
    data: { keyId: input.keyId, demandId: demand.id },
  });
  return { number: demand.number, token, regionId: demand.regionId };
}
