import { eq } from 'drizzle-orm';
import { type ActionContext, audit, type OutboxStatus, outboxMessages } from '../../../kernel/index.js';

export type DeliveryOutcome = {
  id: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt?: Date | null;
  lastError?: string | null;
  providerRef?: string | null;
  /** Deferred without trying (quiet hours, rate limit): not an attempt. */
  event: 'sent' | 'failed' | 'retry' | 'skipped' | 'deferred';
};

/** The worker's record of one try: the message's new state and its audit event, together. */
export async function recordDelivery(a: ActionContext, o: DeliveryOutcome) {
  const [row] = await a.tx
    .update(outboxMessages)
    .set({
      status: o.status,
      attempts: o.attempts,
      nextAttemptAt: o.nextAttemptAt ?? null,
      lastError: o.lastError ?? null,
      providerRef: o.providerRef ?? null,
      sentAt: o.status === 'sent' ? a.now : null,
    })
    .where(eq(outboxMessages.id, o.id))
    .returning({ channel: outboxMessages.channel, template: outboxMessages.template, demandId: outboxMessages.demandId });
  await audit(a, {
    resource: 'outbox_message',
    resourceId: o.id,
    action: o.event,
    data: {
      channel: row?.channel,
      template: row?.template,
      demandId: row?.demandId,
      attempts: o.attempts,
      error: o.lastError ?? undefined,
    },
  });
}
