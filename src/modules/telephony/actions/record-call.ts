import { eq, sql } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { callerPhone } from '../phone.js';
import { callChannel } from '../relay.js';
import { isRelayed, ring } from '../ringing.js';
import { calls } from '../tables.js';

export type RecordCallInput = { callId: string; from: string; line: string };

/**
 * 来电: the PBX reports an incoming call. It is kept (with its audit event) and, once committed,
 * rung on the consoles of the operators signed in — to every app process on the database through
 * NOTIFY (transactional: a call that is not kept rings nowhere), or in this process where no
 * process listens (the embedded database runs one). A call reported twice rings once.
 */
export async function recordCall(a: ActionContext, input: RecordCallInput): Promise<{ id: number; created: boolean }> {
  const phone = callerPhone(input.from);
  const [row] = await a.tx
    .insert(calls)
    .values({ callId: input.callId, phone, line: input.line, receivedAt: a.now })
    .onConflictDoNothing()
    .returning({ id: calls.id });
  if (!row) {
    a.unchanged();
    const [seen] = await a.tx.select({ id: calls.id }).from(calls).where(eq(calls.callId, input.callId));
    return { id: seen.id, created: false };
  }
  await audit(a, { resource: 'call', resourceId: row.id, action: 'receive', data: { line: input.line } });
  await a.tx.execute(sql`select pg_notify(${callChannel}, ${String(row.id)})`);
  const at = a.now.toISOString();
  a.afterCommit(() => {
    if (!isRelayed(a.app.db)) ring(a.app.db, { callId: input.callId, phone, line: input.line, at });
  });
  return { id: row.id, created: true };
}
