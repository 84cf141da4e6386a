import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { applyTransition, loadForAction } from '../store.js';
import { answeredStates, survivingDemand } from '../survivor.js';
import type { DemandRow } from '../tables.js';
import { type RecordCallbackOptions, writeCallback } from './record-callback.js';

/**
 * 回访 of a merged demand's resident: they rate the answer the demand handled for both gave. The
 * rating is theirs (a callback of the surviving demand's unit, on their own demand); the survivor's
 * state is its own resident's business.
 */
export async function rateMerged(a: ActionContext, opts: RecordCallbackOptions): Promise<DemandRow> {
  const { demand, to } = await loadForAction(a.tx, a.actor, opts.demandId, 'rate_merged');
  const survivor = demand.mergedIntoId ? await survivingDemand(a.tx, demand.mergedIntoId) : null;
  if (!survivor || !answeredStates.includes(survivor.state)) {
    throw new AppError('demand.invalid_transition', {
      zh: '与您的诉求合并办理的诉求尚未答复，答复后再评价。',
      en: 'The demand yours was merged into has not been answered yet; rate it once it is.',
    });
  }
  if (demand.satisfaction !== null) {
    throw new AppError('demand.invalid_transition', { zh: '已评价过，谢谢。', en: 'Already rated, thank you.' });
  }
  await writeCallback(a, demand.id, survivor.unitId, opts);
  return applyTransition(a, {
    demand,
    action: 'rate_merged',
    to,
    reason: opts.comment,
    data: { satisfaction: opts.satisfaction, solved: opts.solved, survivorId: survivor.id },
    patch: { satisfaction: opts.satisfaction, solved: opts.solved },
  });
}
