import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type OutboxMessageRow, type OutboxStatus, outboxMessages } from '../../../kernel/index.js';
import { maskPhone } from '../../../lib/redact.js';
import { recipientLabel } from './recipient-label.js';

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
    /** Whether an admin may send it again (only a failed message): the console shows 重发 by this. */
    canRetry: m.status === 'failed',
  };
}

async function withLabels(db: Db, items: ReturnType<typeof presentMessage>[], rows: OutboxMessageRow[]) {
  const labels = new Map<string, Promise<string>>();
  const label = (m: OutboxMessageRow) => {
    const key = `${m.channel}|${m.recipient}`;
    if (!labels.has(key)) labels.set(key, recipientLabel(db, m));
    return labels.get(key)!;
  };
  return Promise.all(items.map(async (item, i) => ({ ...item, recipientLabel: await label(rows[i]) })));
}

export async function listOutbox(
  db: Db,
  q: { status?: OutboxStatus; channel?: 'sms' | 'console' | 'webhook'; before?: number; limit: number },
) {
  const filters: SQL[] = [];
  if (q.status) filters.push(eq(outboxMessages.status, q.status));
  if (q.channel) filters.push(eq(outboxMessages.channel, q.channel));
  // Newest first by when each was written (imported and demo messages carry their own past times, so ids are not in
  // that order); the next page starts after the last message shown, in the same order.
  if (q.before) {
    filters.push(
      sql`(${outboxMessages.createdAt}, ${outboxMessages.id}) < (select m.created_at, m.id from outbox_messages m where m.id = ${q.before})`,
    );
  }
  const found = await db
    .select()
    .from(outboxMessages)
    .where(and(...filters))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(q.limit + 1);
  const rows = found.slice(0, q.limit);
  const counts = await db
    .select({ status: outboxMessages.status, n: count() })
    .from(outboxMessages)
    .where(q.channel ? eq(outboxMessages.channel, q.channel) : undefined)
    .groupBy(outboxMessages.status);
  return {
    // A page holds at most 200 messages to a handful of addresses: each label is looked up once.
    items: await withLabels(db, rows.map(presentMessage), rows),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<OutboxStatus, number>>,
    /** Where the next page starts (`before`), or null after the last. */
    nextBefore: found.length > q.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}
