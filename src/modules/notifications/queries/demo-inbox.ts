import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { outboxMessages } from '../../../kernel/index.js';

/**
 * 演示短信箱: in a demo with no real provider, the texts residents would have received, codes and all,
 * so a tester can read a phone's code off the screen. Never offered when a provider is configured.
 */
export async function demoInbox(db: Db, limit: number) {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.channel, 'sms'))
    .orderBy(desc(outboxMessages.id))
    .limit(limit);
  return rows.map((m) => ({
    id: m.id,
    phone: m.recipient,
    body: m.body,
    template: m.template,
    createdAt: m.createdAt.toISOString(),
  }));
}
