import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadAppointee } from '../store.js';
import { appointees } from '../tables.js';

/** 资格审查: a candidate approved or rejected; a rejection says why. */
export async function reviewCandidate(a: ActionContext, input: { appointeeId: number; approved: boolean; note?: string }) {
  const c = await loadAppointee(a.tx, a.actor, input.appointeeId, 'review');
  if (!input.approved && !input.note?.trim())
    throw new AppError('demand.reason_required', { zh: '不予通过必须写明理由。', en: 'Say why the candidate is not approved.' });
  const state = input.approved ? ('approved' as const) : ('rejected' as const);
  await a.tx
    .update(appointees)
    .set({ state, reviewNote: input.note?.trim() || null })
    .where(eq(appointees.id, c.id));
  await audit(a, {
    resource: 'appointee',
    resourceId: c.id,
    action: input.approved ? 'approve' : 'reject',
    regionPath: c.postPath,
    reason: input.note ?? null,
  });
  return { state };
}
