import { sql } from 'drizzle-orm';
import { queryRows } from '../db/rows.js';
import type { AppContext } from '../kernel/index.js';
import { deliverDue, logGateway, parseQuietHours } from '../modules/notifications/index.js';

/**
 * The demo's texts were written on a clock running over past weeks: deliver them as they would
 * have gone then (quiet hours and per-phone limits applied on that clock), and only to the log —
 * a demo never texts the made-up numbers through a real provider. What is still held back at the
 * moment the demo opens (a text written at night) waits for the worker like any other.
 */
export async function deliverDemoHistory(ctx: AppContext): Promise<number> {
  const opened = ctx.now();
  const opts = { sms: logGateway(ctx.log), quiet: parseQuietHours('22-8'), perHourLimit: 5, batch: 200 };
  let sent = 0;
  let last = 0;
  for (;;) {
    const [next] = await queryRows<{ at: Date | string | null }>(
      ctx.db,
      sql`select min(next_attempt_at) as at from outbox_messages where status = 'pending' and channel = 'sms'`,
    );
    if (!next?.at || new Date(next.at) > opened) return sent;
    // A text held for the hour's limit may come due at the very moment it was held: step past it.
    const at = new Date(Math.max(new Date(next.at).getTime(), last + 1000));
    last = at.getTime();
    sent += (await deliverDue({ ...ctx, now: () => at }, opts)).sent;
  }
}
