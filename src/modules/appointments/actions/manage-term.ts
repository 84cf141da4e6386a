import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadAppointee } from '../store.js';
import { appointees } from '../tables.js';
import { termEnd } from './appoint.js';

/** 结对帮带: the township or village official who supports the appointee, one per appointee. */
export async function pairSupport(a: ActionContext, input: { appointeeId: number; supportName: string; supportUserId?: number | null }) {
  const c = await loadAppointee(a.tx, a.actor, input.appointeeId, 'pair');
  await a.tx
    .update(appointees)
    .set({ supportName: input.supportName, supportUserId: input.supportUserId ?? null })
    .where(eq(appointees.id, c.id));
  await audit(a, {
    resource: 'appointee',
    resourceId: c.id,
    action: 'pair',
    regionPath: c.postPath,
    data: { supportName: input.supportName },
  });
  return { supportName: input.supportName };
}

/** 续聘: the term runs on for another programme term from its current end. */
export async function renewTerm(a: ActionContext, input: { appointeeId: number }) {
  const c = await loadAppointee(a.tx, a.actor, input.appointeeId, 'renew');
  const start = c.termEnd!;
  const [y, m, d] = start.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  const end = termEnd(next, c.programme.termMonths);
  await a.tx.update(appointees).set({ termEnd: end }).where(eq(appointees.id, c.id));
  await audit(a, { resource: 'appointee', resourceId: c.id, action: 'renew', regionPath: c.postPath, data: { termEnd: end } });
  return { termEnd: end };
}

/** 解聘: the appointment ends on a day, with the reason; the post counts as uncovered from the next day. */
export async function dismissAppointee(a: ActionContext, input: { appointeeId: number; on: string; reason: string }) {
  const c = await loadAppointee(a.tx, a.actor, input.appointeeId, 'dismiss');
  if (input.on < c.termStart!)
    throw new AppError('request.invalid', { zh: '解聘日期不能早于聘任日期。', en: 'Dismissal cannot precede the appointment.' });
  await a.tx.update(appointees).set({ state: 'dismissed', endedOn: input.on, endReason: input.reason }).where(eq(appointees.id, c.id));
  await audit(a, {
    resource: 'appointee',
    resourceId: c.id,
    action: 'dismiss',
    regionPath: c.postPath,
    reason: input.reason,
    data: { on: input.on },
  });
  return { state: 'dismissed' as const };
}
