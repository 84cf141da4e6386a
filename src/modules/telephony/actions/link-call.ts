import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { calls } from '../tables.js';

/**
 * The demand taken on a call is linked to it, so the call's record says what came of it. A call
 * that already has its demand keeps the first one (a caller with two matters gives two demands).
 */
export async function linkCall(a: ActionContext, input: { callId: string; demandId: number }): Promise<void> {
  const [call] = await a.tx.select().from(calls).where(eq(calls.callId, input.callId)).for('update');
  if (!call)
    throw new AppError('validation.reference', {
      zh: '找不到这通来电的记录。',
      en: 'There is no record of this call.',
      details: { callId: input.callId },
    });
  if (call.demandId !== null) return;
  await a.tx.update(calls).set({ demandId: input.demandId }).where(eq(calls.id, call.id));
  await audit(a, { resource: 'call', resourceId: call.id, action: 'link', data: { demandId: input.demandId } });
}
