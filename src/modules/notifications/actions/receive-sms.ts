import { eq } from 'drizzle-orm';
import { type ActionContext, audit, enqueueSms, systemActor } from '../../../kernel/index.js';
import { demandAwaitingSurvey, normalizePhone, rateMerged, recordCallback, registerDemandFrom } from '../../demands/index.js';
import { regionNamedIn } from '../../regions/index.js';
import { readInbound } from '../rules/inbound.js';
import { inboundSms, smsOptOuts } from '../tables.js';
import { phoneKey } from '../verification.js';

export type ReceiveSmsInput = { providerRef: string; from: string; text: string };
export type ReceiveSmsResult = { outcome: string };

/**
 * A resident's text, as the provider reports it: TD opts the phone out; 1 or 2 answers the
 * survey of their latest answered demand (回访 by SMS, with reopening when unsatisfied, as on the
 * portal). Any other text is a demand (channel sms), placed in the community or township it
 * names, else at the district for the dispatcher to complete; the receipt texts back its number
 * and query code. The provider may report a text twice: the second report changes nothing.
 */
export async function receiveSms(a: ActionContext, input: ReceiveSmsInput): Promise<ReceiveSmsResult> {
  const [seen] = await a.tx.select().from(inboundSms).where(eq(inboundSms.providerRef, input.providerRef));
  if (seen) {
    a.unchanged();
    return { outcome: seen.outcome };
  }
  const phone = normalizePhone(input.from);
  const intent = readInbound(input.text);
  let outcome = 'unrecognised';
  let demandId: number | null = null;
  if (intent.kind === 'opt_out') {
    await a.tx
      .insert(smsOptOuts)
      .values({ phoneHash: phoneKey(phone), at: a.now })
      .onConflictDoNothing();
    outcome = 'opted_out';
  } else if (intent.kind === 'survey') {
    const demand = await demandAwaitingSurvey(a.tx, phone);
    if (demand) {
      await (demand.state === 'merged' ? rateMerged : recordCallback)(a, {
        demandId: demand.id,
        satisfaction: intent.satisfied ? 'satisfied' : 'unsatisfied',
        solved: intent.satisfied,
        comment: `短信回复“${input.text.trim().slice(0, 20)}”`,
      });
      await enqueueSms(a, { to: phone, template: 'survey_thanks', params: { number: demand.number }, demandId: demand.id });
      outcome = 'survey';
      demandId = demand.id;
    } else outcome = 'no_survey_waiting';
  } else if (input.text.trim()) {
    const region = await regionNamedIn(a.tx, input.text);
    if (region) {
      // The system takes it down, as an operator would on the phone; the key stops a second report.
      const { demand } = await registerDemandFrom({ ...a, actor: systemActor }, 'sms', {
        type: 'complaint',
        content: input.text.trim(),
        reporterPhone: phone,
        regionId: region.id,
        idempotencyKey: `sms:${input.providerRef}`,
      });
      outcome = 'registered';
      demandId = demand.id;
    }
  }
  const [row] = await a.tx
    .insert(inboundSms)
    .values({ providerRef: input.providerRef, phoneHash: phoneKey(phone), text: input.text.slice(0, 500), outcome, receivedAt: a.now })
    .returning({ id: inboundSms.id });
  await audit(a, { resource: 'inbound_sms', resourceId: row.id, action: 'receive', data: { outcome, demandId } });
  return { outcome };
}
