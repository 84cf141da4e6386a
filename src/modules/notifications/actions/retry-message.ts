import { eq } from 'drizzle-orm';
import { type ActionContext, audit, isAdmin, outboxMessages } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';

/** An admin sends a failed message again (after fixing the gateway's configuration, say). */
export async function retryMessage(a: ActionContext, opts: { id: number }) {
  const [m] = await a.tx.select().from(outboxMessages).where(eq(outboxMessages.id, opts.id)).for('update');
  if (!m) throw new AppError('not_found');
  if (!isAdmin(a.actor)) throw new AppError('auth.forbidden');
  if (m.status !== 'failed') throw new AppError('outbox.not_failed', { details: { status: m.status } });
  await a.tx
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: a.now, lastError: null })
    .where(eq(outboxMessages.id, m.id));
  await audit(a, { resource: 'outbox_message', resourceId: m.id, action: 'retry', data: { channel: m.channel, template: m.template } });
  a.afterCommit(() => a.app.wakeOutbox?.());
}
