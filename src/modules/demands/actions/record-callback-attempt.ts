import { count, eq } from 'drizzle-orm';
import type { ActionContext } from '../../../kernel/index.js';
import { actorUserId } from '../../../kernel/index.js';
import { applyTransition, loadForAction } from '../store.js';
import { callbackAttempts, type DemandRow } from '../tables.js';

/** 未接通: the callback call did not reach the resident; the demand stays waiting for the next try. */
export async function recordCallbackAttempt(a: ActionContext, opts: { demandId: number; note?: string | null }): Promise<DemandRow> {
  const { demand, to } = await loadForAction(a.tx, a.actor, opts.demandId, 'callback_attempt');
  await a.tx.insert(callbackAttempts).values({ demandId: demand.id, note: opts.note ?? '', recordedBy: actorUserId(a.actor), at: a.now });
  const [{ n }] = await a.tx.select({ n: count() }).from(callbackAttempts).where(eq(callbackAttempts.demandId, demand.id));
  return applyTransition(a, { demand, action: 'callback_attempt', to, reason: opts.note, data: { reached: false, attempt: Number(n) } });
}
