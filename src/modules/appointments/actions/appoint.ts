import { and, eq, inArray } from 'drizzle-orm';
import { type ActionContext, auditMany } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { addDays } from '../../calendar/index.js';
import { loadProgramme } from '../store.js';
import { appointees } from '../tables.js';

/** The term's last day: `months` calendar months from the first, less a day. */
export function termEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  return addDays(end.toISOString().slice(0, 10), -1);
}

/**
 * 聘任: the decision appoints approved candidates on one day, each with a numbered letter and a term
 * of the programme's length. A candidate not yet approved refuses the whole decision by name.
 */
export async function appointCandidates(
  a: ActionContext,
  input: { programmeId: number; appointeeIds: number[]; on: string; letterPrefix: string },
) {
  const programme = await loadProgramme(a.tx, a.actor, input.programmeId);
  if (!programme.organiser) throw new AppError('auth.forbidden');
  const ids = [...new Set(input.appointeeIds)];
  const rows = await a.tx
    .select()
    .from(appointees)
    .where(and(eq(appointees.programmeId, programme.id), inArray(appointees.id, ids)))
    .orderBy(appointees.id)
    .for('update');
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new AppError('validation.reference', { details: { appointeeIds: ids.filter((i) => !found.has(i)) } });
  }
  const notApproved = rows.filter((r) => r.state !== 'approved');
  if (notApproved.length) {
    throw new AppError('appointment.invalid_state', {
      zh: `只有通过资格审查的人选才能聘任：${notApproved.map((r) => r.name).join('、')}`,
      en: `Only approved candidates can be appointed: ${notApproved.map((r) => r.name).join(', ')}`,
      details: { appointeeIds: notApproved.map((r) => r.id) },
    });
  }
  const end = termEnd(input.on, programme.termMonths);
  for (const [i, r] of rows.entries()) {
    await a.tx
      .update(appointees)
      .set({ state: 'appointed', termStart: input.on, termEnd: end, letterNo: `${input.letterPrefix}${String(i + 1).padStart(3, '0')}` })
      .where(eq(appointees.id, r.id));
  }
  await auditMany(
    a,
    rows.map((r, i) => ({
      resource: 'appointee',
      resourceId: r.id,
      action: 'appoint',
      regionPath: programme.regionPath,
      data: { on: input.on, termEnd: end, letterNo: `${input.letterPrefix}${String(i + 1).padStart(3, '0')}` },
    })),
  );
  return { appointed: rows.length, termStart: input.on, termEnd: end };
}
