import { desc } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.js';
import { outboxMessages } from '../src/modules/notifications/index.js';

/** What the SMS gateway would have delivered: the six-digit code in the newest text, which must be to this phone. */
export async function lastCodeTo(db: Db, phone: string): Promise<string> {
  const [m] = await db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
  expect(m.recipient).toBe(phone);
  return m.body.match(/(\d{6})/)![1];
}

/** A code that is not this one: for a wrong try. */
export const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');
