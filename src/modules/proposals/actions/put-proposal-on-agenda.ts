import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { proposals } from '../tables.js';

/** A council takes the proposal onto a meeting's agenda (registered as the councils' "proposal" source). */
export async function putProposalOnAgenda(a: ActionContext, proposalId: number, meeting: { id: number; regionPath: string }) {
  const [p] = await a.tx.select().from(proposals).where(eq(proposals.id, proposalId)).for('update');
  if (!p) throw new AppError('validation.reference', { zh: '所引用的提议不存在。', en: 'The proposal referred to does not exist.' });
  await a.tx.update(proposals).set({ status: 'on_agenda' }).where(eq(proposals.id, p.id));
  await audit(a, {
    resource: 'proposal',
    resourceId: p.id,
    action: 'put_on_agenda',
    regionPath: meeting.regionPath,
    data: { meetingId: meeting.id },
  });
}
