import type { Actor, Reader } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { activeAccounts, handledUnits } from '../../accounts/index.js';
import { unitNames } from '../../regions/index.js';
import { partMay } from '../policy.js';
import { loadAssessment } from '../store.js';

/**
 * Staff an organiser may seat on the round's panel, with the units each handles for: those are the units the member
 * will never be given to assess, so the page can say so before the panel is set.
 */
export async function panelCandidates(db: Reader, actor: Actor, assessmentId: number) {
  const a = await loadAssessment(db, actor, assessmentId);
  if (!partMay('setup', a.parts)) throw new AppError('auth.forbidden');
  const people = await activeAccounts(db);
  const handled = await handledUnits(db);
  const unitName = new Map((await unitNames(db)).map((u) => [u.id, u.name]));
  return people.map((p) => ({
    userId: p.id,
    name: p.name,
    units: handled.filter((h) => h.userId === p.id).map((h) => ({ id: h.unitId, name: unitName.get(h.unitId) ?? '' })),
  }));
}
