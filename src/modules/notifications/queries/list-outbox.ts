import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type OutboxMessageRow, type OutboxStatus, outboxMessages } from '../../../kernel/index.js';
import { maskPhone } from '../../../lib/redact.js';

// Secrets a message carries for its recipient alone: an admin sees that it went, not what it said.
const secretParams = ['code', 'queryCode'];

export function presentMessage(m: OutboxMessageRow) {
  let body = m.body;
  for (const key of secretParams) {
    const value = m.params?.[key];
    if (value) body = body.split(value).join('******');
  }
  return {
    id: m.id,
    channel: m.channel,
    recipient: m.channel === 'sms' ? maskPhone(m.recipient) : m.recipient,
    template: m.template,
    body: m.channel === 'webhook' ? `${m.body.slice(0, 200)}` : body,
    demandId: m.demandId,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

export async function listOutbox(
  db: Db,
  q: { status?: OutboxStatus; channel?: 'sms' | 'console' | 'webhook'; before?: number; limit: number },
) {
  const filters: SQL[] = [];
  if (q.status) filters.push(eq(outboxMessages.status, q.status));
  if (q.channel) filters.push(eq(outboxMessages.channel, q.channel));
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(and(...filters, q.before ? lt(outboxMessages.id, q.before) : undefined))
    .orderBy(desc(outboxMessages.id))
    .limit(q.limit);
  const counts = await db
    .select({ status: outboxMessages.status, n: count() })
    .from(outboxMessages)
    .where(q.channel ? eq(outboxMessages.channel, q.channel) : undefined)
    .groupBy(outboxMessages.status);
  return {
    items: rows.map(presentMessage),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<OutboxStatus, number>>,
  };
}
