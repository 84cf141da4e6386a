import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { loadReceptionDay } from '../store.js';
import { receptionDays } from '../tables.js';

/** The session's report goes on the portal (without names or phones). */
export async function publishReceptionReport(a: ActionContext, opts: { receptionDayId: number }) {
  const session = await loadReceptionDay(a.tx, a.actor, opts.receptionDayId);
  await a.tx.update(receptionDays).set({ reportPublishedAt: a.now }).where(eq(receptionDays.id, session.id));
  await audit(a, { resource: 'reception_day', resourceId: session.id, action: 'publish_report', regionPath: session.regionPath });
  return session;
}
