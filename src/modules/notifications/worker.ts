import { and, count, eq, gte, min, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import { type AppContext, type OutboxMessageRow, outboxMessages, perform, systemActor } from '../../kernel/index.js';
import { sha256 } from '../../lib/hash.js';
import { runInRounds } from '../../lib/rounds.js';
import { type DeliveryOutcome, recordDelivery } from './actions/record-delivery.js';
import { DeliveryError, postSigned, type SmsGateway, type WebhookEndpoints } from './gateways.js';
import { afterFailure, decideSms, type QuietHours } from './rules/delivery.js';
import { smsOptOuts } from './tables.js';
import { phoneKey } from './verification.js';

export type DeliveryOptions = {
  sms: SmsGateway;
  webhooks?: WebhookEndpoints;
  quiet?: QuietHours;
  perHourLimit?: number;
  batch?: number;
};

/**
 * A claimed message is leased for 30 seconds, renewed just before it is sent: if this process dies
 * mid-send, another takes it up half a minute later, not minutes. Few at a time (10), so a crash
 * holds back little; a message sent twice that way carries the same key and the provider drops the
 * repeat (see messageKey).
 */
export const leaseMs = 30_000;
const defaultBatch = 10;

/** Renews the lease of one message about to be sent; false when another process has taken it since. */
async function renewLease(app: AppContext, id: number, now: Date): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    app.db,
    sql`update outbox_messages set next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
        where id = ${id} and status = 'sending' returning id`,
  );
  return rows.length > 0;
}

async function claimDue(app: AppContext, now: Date, batch: number): Promise<OutboxMessageRow[]> {
  const rows = await queryRows<{ id: number }>(
    app.db,
    sql`update outbox_messages set status = 'sending', next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
        where id in (
          select id from outbox_messages
          where status in ('pending', 'sending') and channel in ('sms', 'webhook') and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at, id limit ${batch} for update skip locked)
        returning id`,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  return app.db.select().from(outboxMessages).where(sql`${outboxMessages.id} in ${ids}`).orderBy(outboxMessages.id);
}

/**
 * The message's own key, the same on every attempt: the provider drops a second send with a key it
 * has seen. From the row's id and creation time, so two installations sharing a provider account
 * never collide on id alone.
 */
export const messageKey = (m: Pick<OutboxMessageRow, 'id' | 'createdAt'>) =>
  `tj-${m.id}-${sha256(`${m.id}|${new Date(m.createdAt).toISOString()}`).slice(0, 16)}`;

async function smsDecision(app: AppContext, m: OutboxMessageRow, now: Date, opts: DeliveryOptions) {
  const [opted] = await app.db
    .select()
    .from(smsOptOuts)
    .where(eq(smsOptOuts.phoneHash, phoneKey(m.recipient)));
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const [recent] = await app.db
    .select({ n: count(), earliest: min(outboxMessages.sentAt) })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, m.recipient), eq(outboxMessages.channel, 'sms'), gte(outboxMessages.sentAt, hourAgo)));
  return decideSms({
    template: m.template,
    now,
    optedOut: !!opted,
    quiet: opts.quiet ?? null,
    sentLastHour: Number(recent?.n ?? 0),
    earliestLastHour: recent?.earliest ? new Date(recent.earliest) : null,
    perHourLimit: opts.perHourLimit ?? 5,
  });
}

async function attempt(app: AppContext, m: OutboxMessageRow, now: Date, opts: DeliveryOptions): Promise<DeliveryOutcome> {
  if (m.channel === 'sms') {
    const d = await smsDecision(app, m, now, opts);
    if (d.kind === 'skip') return { id: m.id, status: 'skipped', attempts: m.attempts, lastError: d.reason, event: 'skipped' };
    if (d.kind === 'defer')
      return { id: m.id, status: 'pending', attempts: m.attempts, nextAttemptAt: d.until, lastError: d.reason, event: 'deferred' };
  }
  const attempts = m.attempts + 1;
  try {
    const ref =
      m.channel === 'sms'
        ? (await opts.sms.send({ ...m, to: m.recipient, key: messageKey(m) })).ref
        : await sendWebhook(m, opts.webhooks ?? {});
    return { id: m.id, status: 'sent', attempts, providerRef: ref, event: 'sent' };
  } catch (err) {
    const retryable = err instanceof DeliveryError ? err.retryable : true;
    const message = err instanceof Error ? err.message.slice(0, 200) : 'error';
    const next = afterFailure(attempts, retryable, now);
    return next.status === 'failed'
      ? { id: m.id, status: 'failed', attempts, lastError: message, event: 'failed' }
      : { id: m.id, status: 'pending', attempts, nextAttemptAt: next.at, lastError: message, event: 'retry' };
  }
}

async function sendWebhook(m: OutboxMessageRow, endpoints: WebhookEndpoints): Promise<string> {
  const endpoint = endpoints[m.recipient];
  if (!endpoint) throw new DeliveryError(`no endpoint configured for ${m.recipient}`, true);
  // The delivery id lets the receiver drop a repeat of a delivery it already has. Signed on the
  // wall clock (not the app's): the timestamp is about transport, checked by the receiver's clock.
  await postSigned(endpoint.url, m.body, endpoint.secret, new Date(), 10_000, {
    'X-Tingjian-Event': m.template ?? 'event',
    'X-Tingjian-Delivery': String(m.id),
  });
  return `webhook-${m.id}`;
}

/** Delivers what is due now, one batch; returns how each message went. Safe to run in several processes. */
export async function deliverDue(app: AppContext, opts: DeliveryOptions): Promise<Record<DeliveryOutcome['event'], number>> {
  const tally = { sent: 0, failed: 0, retry: 0, skipped: 0, deferred: 0 };
  const now = app.now();
  for (const m of await claimDue(app, now, opts.batch ?? defaultBatch)) {
    if (!(await renewLease(app, m.id, app.now()))) continue;
    const outcome = await attempt(app, m, now, opts);
    await perform(app, systemActor, recordDelivery, outcome);
    tally[outcome.event]++;
  }
  return tally;
}

/**
 * Runs delivery in the background: every `intervalMs`, and at once when an action wrote to the
 * outbox (AppContext.wakeOutbox). Returns a stopper that waits for the round in progress.
 */
export function startDeliveryWorker(app: AppContext, opts: DeliveryOptions & { intervalMs?: number }) {
  const rounds = runInRounds(
    async () => {
      const t = await deliverDue(app, opts);
      return t.sent + t.failed + t.retry + t.skipped + t.deferred >= (opts.batch ?? 50);
    },
    { intervalMs: opts.intervalMs, log: app.log, failure: 'outbox delivery failed' },
  );
  app.wakeOutbox = rounds.wake;
  return async () => {
    if (app.wakeOutbox === rounds.wake) app.wakeOutbox = undefined;
    await rounds.stop();
  };
}
