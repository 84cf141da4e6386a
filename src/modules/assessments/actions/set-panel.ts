import { eq } from 'drizzle-orm';
import { type ActionContext, audit } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { accountsByIds, handledUnits } from '../../accounts/index.js';
import { guardStep } from '../store.js';
import { assessmentPanel, type PanelRole } from '../tables.js';

export type PanelMemberInput = { userId: number; role: PanelRole; unitIds?: number[] };

/**
 * The panel: a chair, assessors and experts, each a staff account. A member's units (declared,
 * plus the units they handle for) are what they may never assess. Setting a member again changes
 * their role.
 */
export async function setPanel(a: ActionContext, input: { assessmentId: number; members: PanelMemberInput[] }) {
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'setup');
  const ids = [...new Set(input.members.map((m) => m.userId))];
  if (ids.length !== input.members.length) {
    throw new AppError('request.invalid', { zh: '同一人不能在评审组中出现两次。', en: 'A member appears twice.' });
  }
  const found = await accountsByIds(a.tx, ids);
  const usable = new Set(found.filter((u) => !u.disabledAt).map((u) => u.id));
  const missing = ids.filter((i) => !usable.has(i));
  if (missing.length) throw new AppError('validation.reference', { details: { userIds: missing } });
  const handled = await handledUnits(a.tx, ids);
  for (const m of input.members) {
    const unitIds = [...new Set([...(m.unitIds ?? []), ...handled.filter((h) => h.userId === m.userId).map((h) => h.unitId)])];
    await a.tx
      .insert(assessmentPanel)
      .values({ assessmentId: assessment.id, userId: m.userId, role: m.role, unitIds })
      .onConflictDoUpdate({ target: [assessmentPanel.assessmentId, assessmentPanel.userId], set: { role: m.role, unitIds } });
  }
  const panel = await a.tx.select().from(assessmentPanel).where(eq(assessmentPanel.assessmentId, assessment.id));
  await audit(a, {
    resource: 'assessment',
    resourceId: assessment.id,
    action: 'set_panel',
    regionPath: assessment.regionPath,
    data: { members: input.members.map((m) => ({ userId: m.userId, role: m.role })) },
  });
  return panel;
}
